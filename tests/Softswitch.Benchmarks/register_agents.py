"""Registers many extensions from one UDP port, so that a single sipp UAS started afterwards on that port is every one
of those phones (the switch sends an extension's calls to where its REGISTER came from).

    python3 register_agents.py SWITCH_PORT LOCAL_PORT FIRST COUNT PASSWORD

Extensions FIRST .. FIRST+COUNT-1, all with PASSWORD, digest MD5 (qop=auth when offered), Expires 3600. Prints
`registered=N failed=M` and exits 1 unless every one got 200. Loopback only; every wait is bounded.
"""
import hashlib
import re
import socket
import sys
import time


def digest(challenge, user, password, method, uri):
    fields = dict(re.findall(r'(\w+)="?([^",]*)"?', challenge))
    realm, nonce = fields['realm'], fields['nonce']
    ha1 = hashlib.md5(f'{user}:{realm}:{password}'.encode()).hexdigest()
    ha2 = hashlib.md5(f'{method}:{uri}'.encode()).hexdigest()
    header = f'Digest username="{user}", realm="{realm}", nonce="{nonce}", uri="{uri}", algorithm=MD5'
    if 'qop' in fields:
        cnonce, nc = 'c0ffee', '00000001'
        response = hashlib.md5(f'{ha1}:{nonce}:{nc}:{cnonce}:auth:{ha2}'.encode()).hexdigest()
        header += f', qop=auth, nc={nc}, cnonce="{cnonce}"'
    else:
        response = hashlib.md5(f'{ha1}:{nonce}:{ha2}'.encode()).hexdigest()
    if 'opaque' in fields:
        header += f', opaque="{fields["opaque"]}"'
    return header + f', response="{response}"'


def request(user, port, local_port, call_id, cseq, authorization=None):
    uri = f'sip:127.0.0.1:{port}'
    lines = [
        f'REGISTER {uri} SIP/2.0',
        f'Via: SIP/2.0/UDP 127.0.0.1:{local_port};branch=z9hG4bK-{call_id}-{cseq};rport',
        f'From: <sip:{user}@127.0.0.1>;tag={call_id}',
        f'To: <sip:{user}@127.0.0.1>',
        f'Call-ID: {call_id}',
        f'CSeq: {cseq} REGISTER',
        f'Contact: <sip:{user}@127.0.0.1:{local_port}>',
        'Max-Forwards: 70',
        'Expires: 3600',
    ]
    if authorization:
        lines.append(f'Authorization: {authorization}')
    return ('\r\n'.join(lines + ['Content-Length: 0', '', ''])).encode(), uri


def exchange(sock, remote, data, call_id, cseq):
    """Sends data and returns the final response to it (status, text); retransmits, gives up after about 4 s."""
    for attempt in range(4):
        sock.sendto(data, remote)
        deadline = time.monotonic() + 0.5 * (2 ** attempt)
        while time.monotonic() < deadline:
            sock.settimeout(max(0.01, deadline - time.monotonic()))
            try:
                text = sock.recv(65535).decode(errors='replace')
            except socket.timeout:
                break
            if f'Call-ID: {call_id}' not in text or f'CSeq: {cseq} REGISTER' not in text:
                continue
            status = int(text.split(' ', 2)[1])
            if status >= 200:
                return status, text
    return 0, ''


def register(sock, port, local_port, user, password):
    call_id = f'reg-{user}-{local_port}'
    data, uri = request(user, port, local_port, call_id, 1)
    status, text = exchange(sock, ('127.0.0.1', port), data, call_id, 1)
    if status == 401:
        challenge = next(line for line in text.split('\r\n') if line.lower().startswith('www-authenticate:'))
        data, _ = request(user, port, local_port, call_id, 2, digest(challenge.split(':', 1)[1], user, password, 'REGISTER', uri))
        status, _ = exchange(sock, ('127.0.0.1', port), data, call_id, 2)
    return status == 200


def main():
    port, local_port, first, count = (int(a) for a in sys.argv[1:5])
    password = sys.argv[5]
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(('127.0.0.1', local_port))
    ok = sum(1 for user in range(first, first + count) if register(sock, port, local_port, str(user), password))
    sock.close()
    print(f'registered={ok} failed={count - ok}')
    sys.exit(0 if ok == count else 1)


if __name__ == '__main__':
    main()
