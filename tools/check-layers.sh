#!/bin/sh
# check-layers.sh - keep each library in its own layer (docs/ARCHITECTURE.md).
# Fails, naming the file, when:
#   curses is included outside src/tui, SQLite outside src/db,
#   libyaml outside src/config, cairo or pango outside src/report;
#   model/ or core/ include a higher layer;
#   tui/ or cli/ include a db/ header (they must go through app/);
#   tui/ or cli/ read or set the actor (app/access.h is the only way).
cd "$(dirname "$0")/.." || exit 2
bad=0
fail() { echo "check-layers: $1"; bad=1; }

only_in() {	# pattern dir what
	hits=$(grep -rlE "$1" src include 2>/dev/null | grep -v "/$2/")
	for f in $hits; do fail "$f includes $3; only $2/ may"; done
}
only_in '#include *<(n?curses|ncursesw/curses|curses)\.h>' tui 'curses'
only_in '#include *<sqlite3\.h>' db 'sqlite3.h'
only_in '#include *<yaml\.h>' config 'yaml.h'
only_in '#include *<cairo' report 'cairo'
only_in '#include *<(pango|fontconfig)' report 'pango or fontconfig'

for d in src/core include/peerdesk/core; do
	hits=$(grep -rlE '"peerdesk/(model|db|config|app|cli|tui|report)/' $d 2>/dev/null)
	for f in $hits; do fail "$f (core) includes a higher layer"; done
done
for d in src/model include/peerdesk/model; do
	hits=$(grep -rlE '"peerdesk/(db|config|app|cli|tui|report)/' $d 2>/dev/null)
	for f in $hits; do fail "$f (model) includes a higher layer"; done
done
for d in src/tui src/cli include/peerdesk/tui include/peerdesk/cli; do
	hits=$(grep -rlE '"peerdesk/db/' $d 2>/dev/null)
	for f in $hits; do fail "$f talks to db/ directly; go through app/"; done
done
# The actor is opaque above app/: the faces ask app_actor_*() and never
# read its fields, set it, or decide scope themselves (app/access.c).
for d in src/tui src/cli include/peerdesk/tui include/peerdesk/cli src/main.c; do
	hits=$(grep -rlE '\bactor\.|->actor\b|have_actor|\bapp(->|\.)system\b|access_set_|access_scope' \
		$d 2>/dev/null)
	for f in $hits; do fail "$f reads or sets the actor; ask app_actor_*() (app/access.h)"; done
done
# Only app/access.c knows what an actor is made of.
hits=$(grep -rl 'struct app_actor {' src include 2>/dev/null | grep -v '^src/app/access\.c$')
for f in $hits; do fail "$f defines the actor; only src/app/access.c may"; done
# SQL text lives only in src/db (a rough but useful test).
hits=$(grep -rlE '"(SELECT|INSERT INTO|UPDATE [a-z_]+ SET|DELETE FROM|CREATE TABLE) ' \
	src --include=*.c 2>/dev/null | grep -v '^src/db/')
for f in $hits; do fail "$f contains SQL; only src/db/ may"; done
[ $bad -eq 0 ] && echo "check-layers: ok"
exit $bad
