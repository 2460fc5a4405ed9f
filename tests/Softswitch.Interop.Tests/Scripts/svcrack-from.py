#!/usr/bin/python3
# svcrack from a chosen source address: svcrack-from.py ADDRESS [svcrack options...]
# sipvicious 0.3.3's svcrack parses -b/--bindingip but never passes it on, so its socket binds every interface and
# the kernel sends from 127.0.0.1. This binds each socket to ADDRESS instead (keeping svcrack's port choice), so a
# test can make svcrack "another machine" on 127.0.0.2 while the good phone stays on 127.0.0.1.
import os
import socket
import sys

source = sys.argv.pop(1)
_bind = socket.socket.bind
socket.socket.bind = lambda self, address: _bind(self, (source, address[1]))
sys.argv[0] = "svcrack"
# /usr/bin/svcrack links into sipvicious's folder, which Python puts on the path for it; do the same.
sys.path.insert(0, os.path.dirname(os.path.realpath("/usr/bin/svcrack")))
from sipvicious.svcrack import main  # noqa: E402 (what /usr/bin/svcrack runs)

sys.exit(main())
