#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fails when a source file with translatable strings is missing from po/POTFILES.in,
or when POTFILES.in lists a file that does not exist. Prints TAP."""
import os
import re
import sys

top = sys.argv[1]
listed = set()
with open(os.path.join(top, 'po', 'POTFILES.in'), encoding='utf-8') as f:
    for line in f:
        line = line.strip()
        if line and not line.startswith('#'):
            listed.add(line)

marker = re.compile(r'\b(?:N?_|C_|NC_|g_dngettext|ngettext)\s*\(|translatable="yes"')
needed = set()
for root in ('src', 'data'):
    for dirpath, _dirs, files in os.walk(os.path.join(top, root)):
        for name in files:
            if not name.endswith(('.c', '.ui', '.in', '.gschema.xml')):
                continue
            path = os.path.join(dirpath, name)
            rel = os.path.relpath(path, top)
            with open(path, encoding='utf-8', errors='replace') as f:
                text = f.read()
            if name.endswith('.c') and marker.search(text):
                needed.add(rel)
            elif name.endswith('.ui') and 'translatable="yes"' in text:
                needed.add(rel)
            elif name.endswith(('.desktop.in', '.metainfo.xml.in', '.gschema.xml')):
                needed.add(rel)

missing = sorted(needed - listed)
stale = sorted(p for p in listed if not os.path.exists(os.path.join(top, p)))
print('1..2')
if missing:
    print('not ok 1 - files with translatable strings missing from POTFILES.in')
    for p in missing:
        print('# ' + p)
else:
    print('ok 1 - every file with translatable strings is listed')
if stale:
    print('not ok 2 - POTFILES.in lists files that do not exist')
    for p in stale:
        print('# ' + p)
else:
    print('ok 2 - every listed file exists')
sys.exit(1 if missing or stale else 0)
