#!/bin/sh
# deps.sh - install the Debian packages peerdesk needs, if any are missing.
#
#   sh tools/deps.sh build   what `make` needs
#   sh tools/deps.sh test    what `make check` needs as well
#   sh tools/deps.sh bench   what `make bench` needs as well
#
# Quiet and quick when everything is there.  As root it runs apt-get;
# otherwise it prints one line naming the packages to install.
set -u
profile=${1:-build}

# The fonts are "build" and not "test": every PDF peerdesk writes (plan
# copies, weekly summaries, subject access requests) is laid out with
# Pango on the machine where the program runs, and fontconfig finds the
# fonts there.  Without them a Chinese, Hindi or Urdu name, or an emoji,
# comes out as empty boxes in the office's own PDFs, not only in tests.
#   fonts-dejavu-core        DejaVu Sans, the PDFs' own font
#   fonts-noto-core          Arabic, Urdu (Nastaliq), Devanagari and more
#   fonts-noto-cjk           Chinese, Japanese, Korean
#   fonts-noto-color-emoji   emoji
build="gcc make pkg-config libncurses-dev libsqlite3-dev libyaml-dev
	libcairo2-dev libpango1.0-dev libcrypt-dev locales ncurses-term nano
	fonts-dejavu-core fonts-noto-core fonts-noto-cjk fonts-noto-color-emoji"
test="check tmux openssh-server openssh-client cups cups-client cups-bsd
	printer-driver-cups-pdf poppler-utils python3 python3-icalendar
	sqlite3 clang libclang-rt-14-dev mandoc"
bench="hyperfine valgrind"

case $profile in
build) want=$build ;;
test) want="$build $test" ;;
bench) want="$build $test $bench" ;;
*) echo "usage: deps.sh build|test|bench" >&2; exit 2 ;;
esac

if ! command -v dpkg-query >/dev/null 2>&1; then
	# Not Debian: trust pkg-config and say what we could not check.
	if pkg-config --exists ncursesw sqlite3 yaml-0.1 cairo pangocairo libcrypt; then
		exit 0
	fi
	echo "peerdesk: please install the development files for ncursesw," \
	    "sqlite3, libyaml, cairo, pango and libcrypt (and check for" \
	    "tests), and Noto fonts for CJK, Devanagari, Arabic and emoji." >&2
	exit 1
fi

missing=
for p in $want; do
	st=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)
	case $st in
	*" installed") ;;
	*) missing="$missing $p" ;;
	esac
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
	echo "peerdesk: missing packages; as root run: apt-get install$missing" >&2
	exit 1
fi
echo "peerdesk: installing$missing" >&2
export DEBIAN_FRONTEND=noninteractive
# A fresh machine may have no package lists yet.
apt-get update -q >/dev/null || { echo "peerdesk: apt-get update failed" >&2; exit 1; }
# shellcheck disable=SC2086
apt-get install -y -q --no-install-recommends $missing >/dev/null ||
	{ echo "peerdesk: apt-get install$missing failed" >&2; exit 1; }
exit 0
