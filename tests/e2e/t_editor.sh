#!/bin/bash
# Tier 4: which editor Ctrl-E starts, by the settings `editor` and
# `pal_editor` and by whether peerdesk runs over SSH (real binary in
# tmux, the demo organisation, `peerdesk log --pal jo` as the manager).
# With the defaults the manager at this computer gets their own editor
# ($VISUAL, here a script that adds a line); `editor: restricted` gives
# rnano instead; `editor: off` gives a plain message and no editor; and
# with SSH_CONNECTION set (as sshd sets it), `own` becomes rnano and
# $VISUAL is not run.  (t_ssh_editor.sh does a PAL over a real sshd.)
. "$(dirname "$0")/lib.sh"

command -v /usr/bin/nano >/dev/null 2>&1 ||
	{ fail "nano is missing (sh tools/deps.sh build installs it)"; finish; }
DB=$T/demo.db
"$PD" --db "$DB" demo >"$T/demo.out" 2>&1 ||
	{ sed 's/^/  /' "$T/demo.out"; fail "peerdesk demo"; finish; }
cat >"$T/ed.sh" <<'SH'
#!/bin/sh
echo "from my own editor" >>"$1"
echo ran >"$(dirname "$0")/ed.ran"
SH
chmod 0755 "$T/ed.sh"
for m in own restricted off; do
	printf 'organisation: Editor Test\neditor: %s\n' "$m" >"$T/$m.yaml"
done

# open NAME CONFIG [ENV...]: Log a session for Jo, cursor in What we did,
# some words typed, then Ctrl-E.
open_form() {
	name=$1 conf=$2
	shift 2
	rm -f "$T/ed.ran"
	tm_start "$name" 80 24 "env VISUAL='$T/ed.sh' $* '$PD' --db '$DB' --config '$conf' log --pal jo"
	tm_wait "$name" "What we did" 10 >/dev/null || fail "$name: the form opens"
	tm_keys "$name" Tab Tab Tab Tab Tab
	tm_text "$name" "Tea at the cafe"
	tm_wait "$name" "Tea at the cafe" 5 >/dev/null || fail "$name: typing"
	tm_keys "$name" C-e
}

open_form own "$T/own.yaml"
expect_screen "editor: own (the default) runs \$VISUAL for the manager" own \
	"from my own editor"
check "... which ran" test -f "$T/ed.ran"
expect_screen "... and what was typed is kept" own "Tea at the cafe"

open_form restricted "$T/restricted.yaml"
expect_screen "editor: restricted opens rnano" restricted "GNU nano"
check "... and not \$VISUAL" test ! -e "$T/ed.ran"
tm_text restricted "Walked back."
tm_keys restricted C-x
expect_screen "leaving nano asks to save" restricted "Save modified buffer"
tm_keys restricted y
expect_screen "... under the note's own name" restricted "File Name to Write"
tm_keys restricted Enter
expect_screen "the words come back to the form" restricted "Walked back."

open_form off "$T/off.yaml"
expect_screen "editor: off starts nothing and says so" off \
	"No editor may be started here"
check "... not \$VISUAL" test ! -e "$T/ed.ran"
case $(tm_screen off) in
*"GNU nano"*) fail "... nor nano" ;;
*) ok "... nor nano" ;;
esac

open_form ssh "$T/own.yaml" SSH_CONNECTION="'203.0.113.5 52114 10.0.0.1 22'"
expect_screen "over SSH, editor: own becomes rnano" ssh "GNU nano"
check "... and \$VISUAL is not run" test ! -e "$T/ed.ran"
finish
