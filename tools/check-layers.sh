#!/bin/sh
# check-layers.sh - keep each library in its own layer (docs/ARCHITECTURE.md).
#
# The layers, and the whole list of the headers each may include (an
# edge not listed here is refused):
#
#   main.c              cli core
#   cli/                cli app tui config report model core
#   tui/                tui app config model core
#   app/                app db config report model core
#   include/.../app/    app config model core   (the faces read these:
#                       no db/ header, so cli/ and tui/ never see db/)
#   db/                 db model core
#   config/             config model core
#   report/             report model core
#   model/              model core
#   core/               core
#
# A layer's own headers sit in include/peerdesk/<layer>/ (the same list
# as its src/<layer>/ folder unless named above) or beside its code
# (src/<layer>/*_priv.h); "../" includes, which would go round the list,
# are refused everywhere in src/ and include/.
#
# Also fails, naming the file, when:
#   curses is included outside src/tui, SQLite outside src/db,
#   libyaml outside src/config, cairo or pango outside src/report;
#   tui/ or cli/ read or set the actor (app/access.h is the only way);
#   SQL text appears outside src/db.
cd "$(dirname "$0")/.." || exit 2
bad=0
fail() { echo "check-layers: $1"; bad=1; }

allowed() {	# layer: the layers it may include
	case $1 in
	main) echo "cli core" ;;
	cli) echo "cli app tui config report model core" ;;
	tui) echo "tui app config model core" ;;
	app) echo "app db config report model core" ;;
	app-headers) echo "app config model core" ;;
	db) echo "db model core" ;;
	config) echo "config model core" ;;
	report) echo "report model core" ;;
	model) echo "model core" ;;
	core) echo "core" ;;
	esac
}

check_edges() {	# layer file...
	layer=$1; shift
	ok=" $(allowed "$layer") "
	for f in "$@"; do
		[ -f "$f" ] || continue
		for to in $(sed -n 's|^[[:space:]]*#[[:space:]]*include[[:space:]]*"peerdesk/\([a-z]*\)/.*|\1|p' "$f" | sort -u); do
			case $ok in
			*" $to "*) ;;
			*) fail "$f ($layer) includes a $to/ header; $layer may include only: $(allowed "$layer")" ;;
			esac
		done
	done
}

for layer in cli tui app db config report model core; do
	check_edges $layer $(find src/$layer -name '*.[ch]' | sort)
	[ $layer = app ] && continue
	check_edges $layer $(find include/peerdesk/$layer -name '*.h' | sort)
done
check_edges app-headers $(find include/peerdesk/app -name '*.h' | sort)
check_edges main src/main.c
for d in $(find include/peerdesk -mindepth 1 -maxdepth 1 -type d | sort); do
	case " $(allowed core) $(allowed cli) $(allowed app) " in
	*" ${d##*/} "*) ;;
	*) fail "$d is not a layer this script knows; add it to the list" ;;
	esac
done
hits=$(grep -rlE '^[[:space:]]*#[[:space:]]*include[[:space:]]*"\.\./' src include 2>/dev/null)
for f in $hits; do fail "$f includes through \"../\"; include peerdesk/<layer>/ headers"; done

only_in() {	# pattern dir what
	hits=$(grep -rlE "$1" src include 2>/dev/null | grep -v "/$2/")
	for f in $hits; do fail "$f includes $3; only $2/ may"; done
}
only_in '#include *<(n?curses|ncursesw/curses|curses)\.h>' tui 'curses'
only_in '#include *<sqlite3\.h>' db 'sqlite3.h'
only_in '#include *<yaml\.h>' config 'yaml.h'
only_in '#include *<cairo' report 'cairo'
only_in '#include *<(pango|fontconfig)' report 'pango or fontconfig'

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
