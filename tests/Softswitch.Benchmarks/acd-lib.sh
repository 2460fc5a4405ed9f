#!/usr/bin/env bash
# Shared by the ACD load scripts (source it after lib.sh): a queue "load" whose agents are AGENTS extensions from 2000
# up, all registered from one UDP port where a single sipp UAS then answers for every one of them.

agent_password=load-agent-secret

# add_load_queue AGENTS: appends the agents' extensions (2000 .. 2000+AGENTS-1, password $agent_password) to the
# extensions write_config wrote, the queue "load" (longest idle, music default, no wrap-up) and the agents serving it,
# and the repository's prompts and music, to $config; the route 610 -> queue load is given on the command line: pass
# "${queue_route[@]}" to start_switch.
add_load_queue() {
  python3 - "$config" "$1" "$agent_password" "$root" <<'PY'
import sys
path, agents, password, root = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
numbers = [str(2000 + i) for i in range(agents)]
text = open(path).read()
extensions = ''.join(f'  - {{ number: "{n}", name: Agent {n}, password: {password} }}\n' for n in numbers)
text = text.replace('extensions:\n', 'extensions:\n' + extensions, 1)
text += f'ivr:\n  flows: {root}/ivr-flows\n  sounds: {root}/sounds\n'
text += ('queues:\n  - name: load\n    ring_timeout_seconds: 10\n    wrap_up_seconds: 0\n    music: default\n'
         'agents:\n' + ''.join(f'  - {{ extension: "{n}", queues: [{{ name: load }}] }}\n' for n in numbers))
open(path, 'w').write(text)
PY
  queue_route=(--routes:1:match=610 --routes:1:queue=load)
}

# register_agents AGENTS PORT: registers every agent's extension from 127.0.0.1:PORT (the switch then sends their calls
# there: start the agents' sipp UAS on PORT afterwards). Fails unless all got 200.
register_agents() {
  python3 "$bench/register_agents.py" "$port" "$2" 2000 "$1" "$agent_password" > "$work/register-agents.out" 2>&1
}

# last_stat FILE COLUMN: a column of the last row of a sipp -trace_stat file so far.
last_stat() {
  python3 -c "import sys; sys.path.insert(0, '$bench'); from load_stats import sipp_counts; print(*sipp_counts('$1', '$2'))"
}
