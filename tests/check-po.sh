#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Checks po/de.po: valid (msgfmt --check) and complete (no untranslated or fuzzy message
# against the strings in the sources). Prints TAP.
set -u
top=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
echo "1..2"
if msgfmt --check --statistics -o "$tmp/de.mo" "$top/po/de.po" 2>"$tmp/stats"; then
  echo "ok 1 - de.po passes msgfmt --check"
else
  echo "not ok 1 - de.po fails msgfmt --check"; sed 's/^/# /' "$tmp/stats"; exit 1
fi
cd "$top"
xgettext --from-code=UTF-8 --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 --keyword=g_dngettext:2,3 \
  --add-comments=Translators -f po/POTFILES.in -o "$tmp/accredit.pot" 2>"$tmp/xgettext.err" || {
  echo "not ok 2 - xgettext failed"; sed 's/^/# /' "$tmp/xgettext.err"; exit 1; }
msgmerge -q --no-fuzzy-matching "po/de.po" "$tmp/accredit.pot" -o "$tmp/merged.po"
untranslated=$(msgattrib --untranslated --no-obsolete "$tmp/merged.po" | grep -c '^msgid ' || true)
fuzzy=$(msgattrib --only-fuzzy --no-obsolete "$tmp/merged.po" | grep -c '^msgid ' || true)
# msgattrib prints the header entry too when it prints anything.
[ "$untranslated" -gt 0 ] && untranslated=$((untranslated - 1))
[ "$fuzzy" -gt 0 ] && fuzzy=$((fuzzy - 1))
if [ "$untranslated" -eq 0 ] && [ "$fuzzy" -eq 0 ]; then
  echo "ok 2 - de.po translates every message"
else
  echo "not ok 2 - de.po has $untranslated untranslated and $fuzzy fuzzy messages"
  msgattrib --untranslated --no-obsolete "$tmp/merged.po" | grep '^msgid ' | head -20 | sed 's/^/# /'
  exit 1
fi
