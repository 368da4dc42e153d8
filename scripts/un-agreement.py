#!/usr/bin/env python3
# Reads the outputs of ../shared/tools/peer-suite (OUT=DIR ../shared/tools/peer-suite) and
# says on how many of the UN sentences (the same text in en, es, ar) that give an
# event in any language the three languages give the same events (type and states).
# usage: python3 scripts/un-agreement.py DIR
import json,sys,collections
d=sys.argv[1]
keys=collections.defaultdict(dict)
for lang in ("en","es","ar"):
    for l in open(f"{d}/un_{lang}.jsonl"):
        e=json.loads(l); keys[e["article"]].setdefault(lang,set()).add(e["type"]+"|"+",".join(e["countries"]))
anyev=[a for a in keys]
same=[a for a in anyev if all(keys[a].get(x,set())==keys[a].get("en",set()) for x in ("es","ar")) and len(keys[a])==3]
print(f"sentences with an event in any language: {len(anyev)}; same events in en, es and ar: {len(same)} ({len(same)/max(len(anyev),1):.2f})")
