#!/usr/bin/env python3
"""Guardian's Simplified Chinese translation of the Camunda webapps: check it, and update it when
Camunda is upgraded. See docs/webapps-zh.md.

  python3 docs/webapp-locales.py check            every key of the webjar's en.json translated in zh.json,
                                                   placeholders, HTML tags and entities identical (exit 1 if not)
  python3 docs/webapp-locales.py diff OLD NEW     keys added / removed / changed in English between two
                                                   Camunda versions (e.g. 7.24.0 7.25.0): what to (re)translate
  python3 docs/webapp-locales.py todo [VERSION]   TSV (app, key, English) of keys missing from zh.json
  python3 docs/webapp-locales.py merge FILE.tsv   merge a TSV (app, key, Chinese; "\\n" for a line break)
                                                   into the zh.json files, in the order of en.json

The English source is read from the camunda-webapp-webjar jar in the local Maven repository
(~/.m2; run `mvn -q dependency:resolve` or any build first); VERSION defaults to the pom's
camunda.version.
"""
import collections
import json
import os
import re
import sys
import zipfile

APPS = ["admin", "cockpit", "tasklist", "welcome"]
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OVERRIDE = os.path.join(ROOT, "src/main/resources/META-INF/resources/webjars/camunda/app")
LOCALE = "zh"
# real HTML tags in labels; "<null>", "<Operation>" etc. are shown as text and may be translated
HTML_TAGS = {"a", "b", "br", "code", "div", "em", "i", "li", "p", "span", "strong", "ul", "ol"}
TOKEN = re.compile(r"\{\{.*?\}\}|\{\d*\}|%[sd]|&[a-zA-Z]+;|&#\d+;|</?([a-zA-Z][a-zA-Z0-9]*)\b[^<>]*>")
# labels that may stay as they are in English
SAME_OK = re.compile(r"^(\s*|[<>=]+|<null>|<undefined>|null|Camunda|CSV|JSON|ID\*?|Optimize|"
                     r"YYYY-MM-DDTHH:mm:ss|\{\{[^}]*\}\}.*)$")


def pom_version():
    with open(os.path.join(ROOT, "pom.xml"), encoding="utf-8") as f:
        return re.search(r"<camunda.version>([^<]+)</camunda.version>", f.read()).group(1)


def english(version):
    jar = os.path.expanduser(
        f"~/.m2/repository/org/camunda/bpm/webapp/camunda-webapp-webjar/{version}/"
        f"camunda-webapp-webjar-{version}.jar")
    if not os.path.exists(jar):
        sys.exit(f"{jar} not found: build once with camunda.version={version} "
                 f"(or mvn dependency:get -Dartifact=org.camunda.bpm.webapp:camunda-webapp-webjar:{version})")
    out = {}
    with zipfile.ZipFile(jar) as z:
        for app in APPS:
            raw = z.read(f"META-INF/resources/webjars/camunda/app/{app}/locales/en.json")
            out[app] = json.loads(raw.decode("utf-8-sig"), object_pairs_hook=collections.OrderedDict)
    return out


def locale_path(app):
    return os.path.join(OVERRIDE, app, "locales", LOCALE + ".json")


def translated(app):
    path = locale_path(app)
    if not os.path.exists(path):
        return collections.OrderedDict(labels=collections.OrderedDict())
    with open(path, encoding="utf-8-sig") as f:
        return json.load(f, object_pairs_hook=collections.OrderedDict)


def tokens(text):
    found = []
    for m in TOKEN.finditer(text):
        if m.group(1) is not None and m.group(1).lower() not in HTML_TAGS:
            continue
        found.append(m.group(0))
    return sorted(found)


def problems(en_text, zh_text):
    out = []
    if tokens(en_text) != tokens(zh_text):
        out.append(f"placeholders/tags differ: {tokens(en_text)} vs {tokens(zh_text)}")
    if en_text.count("\n") != zh_text.count("\n"):
        out.append("line breaks differ")
    if zh_text == en_text and re.search(r"[A-Za-z]{2}", en_text) and not SAME_OK.match(en_text):
        out.append("not translated")
    if en_text.strip() and not zh_text.strip() and en_text.strip() != "s":
        out.append("empty translation")
    return out


def check(version):
    en_all, bad = english(version), 0
    for app in APPS:
        en, zh = en_all[app], translated(app)
        for section in en:
            if section not in zh:
                print(f"{app}: section {section} missing"); bad += 1
        if "dateLocales" in en and "dateLocales" in zh:
            def shape(d):
                return {k: (len(v) if isinstance(v, list) else sorted(v) if isinstance(v, dict) else None)
                        for k, v in d.items()}
            if shape(en["dateLocales"]) != shape(zh["dateLocales"]):
                print(f"{app}: dateLocales differ in shape"); bad += 1
        labels = zh.get("labels", {})
        for key, text in en["labels"].items():
            if key not in labels:
                print(f"{app}: {key} missing"); bad += 1
                continue
            for p in problems(text, labels[key]):
                print(f"{app}: {key}: {p}"); bad += 1
        for key in labels:
            if key not in en["labels"]:
                print(f"{app}: {key} not in en.json any more (remove it)"); bad += 1
        print(f"{app}: {len(en['labels'])} labels checked", file=sys.stderr)
    print("OK" if bad == 0 else f"{bad} problem(s)", file=sys.stderr)
    return 1 if bad else 0


def diff(old, new):
    a, b = english(old), english(new)
    for app in APPS:
        la, lb = a[app]["labels"], b[app]["labels"]
        for k in lb:
            if k not in la:
                print(f"{app}\tadded\t{k}\t{lb[k]}")
            elif la[k] != lb[k]:
                print(f"{app}\tchanged\t{k}\t{lb[k]}")
        for k in la:
            if k not in lb:
                print(f"{app}\tremoved\t{k}\t{la[k]}")
    return 0


def todo(version):
    en_all = english(version)
    for app in APPS:
        labels = translated(app).get("labels", {})
        for k, v in en_all[app]["labels"].items():
            if k not in labels:
                print(f"{app}\t{k}\t" + v.replace("\n", "\\n"))
    return 0


def merge(tsv, version):
    new = collections.defaultdict(dict)
    with open(tsv, encoding="utf-8") as f:
        for line in f.read().split("\n"):
            if line.strip():
                app, key, text = line.split("\t", 2)
                new[app][key] = text.replace("\\n", "\n")
    en_all = english(version)
    for app in APPS:
        if app not in new:
            continue
        zh = translated(app)
        labels = zh.get("labels", {})
        labels.update(new[app])
        out = collections.OrderedDict()
        for section in en_all[app]:
            if section == "labels":
                out["labels"] = collections.OrderedDict(
                    (k, labels[k]) for k in en_all[app]["labels"] if k in labels)
            else:
                out[section] = zh.get(section, en_all[app][section])
        os.makedirs(os.path.dirname(locale_path(app)), exist_ok=True)
        with open(locale_path(app), "w", encoding="utf-8") as f:
            json.dump(out, f, ensure_ascii=False, indent=2)
            f.write("\n")
        print(f"{app}: merged {len(new[app])} label(s)", file=sys.stderr)
    return 0


def main(argv):
    if len(argv) >= 1 and argv[0] == "check":
        return check(argv[1] if len(argv) > 1 else pom_version())
    if len(argv) == 3 and argv[0] == "diff":
        return diff(argv[1], argv[2])
    if len(argv) >= 1 and argv[0] == "todo":
        return todo(argv[1] if len(argv) > 1 else pom_version())
    if len(argv) >= 2 and argv[0] == "merge":
        return merge(argv[1], argv[2] if len(argv) > 2 else pom_version())
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
