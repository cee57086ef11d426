"""Qt Linguist upkeep: collect every tr() literal in ui/ and update resources/translations.

    python -m ui.devtools.translations            # update the .ts, build the .qm, list gaps
    python -m ui.devtools.translations --check    # exit 1 if anything is stale or unfinished

tr() is a module function (ui/i18n.py) that pyside6-lupdate does not see, so the strings are
collected with ast; tr_noop() marks literals that are translated later through a variable.
Existing translations are kept; strings no longer used are marked obsolete ("vanished")."""

from __future__ import annotations

import argparse
import ast
import json
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
UI = ROOT / "ui"
FOLDER = ROOT / "resources" / "translations"
LANGUAGES = ("en",)
MARKERS = ("tr", "tr_noop")
CONTEXT = "CaseDesk"
CJK = re.compile(r"[\u3400-\u9fff]")
# tr(name) looks labels up in constants: every Chinese constant of ui/ (docstrings, log calls
# and the files below aside) and the module-level label tables of these core modules.
LABEL_MODULES = ("caseapp/workflow.py", "caseapp/calendar.py", "caseapp/queries/labels.py",
                 "caseapp/queries/related.py", "caseapp/reports/fonts.py")
# Core modules whose every Chinese constant is a label: the print menu's reasons (the
# documents' names keep their Chinese: they are the names the printouts bear).
LABEL_MODULES_ALL = ("caseapp/reports/documents.py",)
NOT_LABELS = ("ui/app.py", "ui/dialogs/intake/drafts.py", "ui/pages/case_list/columns.py")
# Constants whose labels mean something else elsewhere (日: Sunday or "days"; 转送: an act
# or an outcome).
CONSTANT_CONTEXTS = {"WEEKDAYS": "day-name", "WEEK_HEAD": "weekday", "ACT_LABELS": "act"}
LOG_CALLS = ("debug", "info", "warning", "error", "exception", "critical")


@dataclass(frozen=True)
class Found:
    text: str
    context: str
    where: str  # file:line, for the report and the .ts location


def _string(node: ast.AST) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):  # "a" "b" is one Constant
        left, right = _string(node.left), _string(node.right)
        return left + right if left is not None and right is not None else None
    return None


def _skipped(tree: ast.AST) -> set[int]:
    """ids of the nodes that are no label: docstrings, log messages, patterns, f-strings,
    raised messages, tr() arguments."""
    skip: set[int] = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr) \
                and isinstance(body[0].value, ast.Constant):
            skip.add(id(body[0].value))
        if isinstance(node, (ast.JoinedStr, ast.Raise)):  # built or raised: never a label
            skip.update(id(n) for n in ast.walk(node))
        if isinstance(node, ast.Call) and (
                (isinstance(node.func, ast.Name) and node.func.id in MARKERS)
                or (isinstance(node.func, ast.Attribute) and node.func.attr in LOG_CALLS)
                or (isinstance(node.func, ast.Attribute) and isinstance(node.func.value, ast.Name)
                    and node.func.value.id == "re")):  # a pattern is no label
            skip.update(id(n) for n in ast.walk(node))
    return skip


def constants(tree: ast.AST, rel: str, top_only: bool) -> list[Found]:
    """Chinese string constants: labels that tr() is given through a name."""
    skip = _skipped(tree)
    context: dict[int, str] = {}
    for stmt in getattr(tree, "body", []):
        if isinstance(stmt, ast.Assign) and isinstance(stmt.targets[0], ast.Name) \
                and stmt.targets[0].id in CONSTANT_CONTEXTS:
            context.update((id(n), CONSTANT_CONTEXTS[stmt.targets[0].id]) for n in ast.walk(stmt))
    nodes = ast.walk(tree) if not top_only else (
        n for stmt in getattr(tree, "body", []) if isinstance(stmt, (ast.Assign, ast.AnnAssign))
        for n in ast.walk(stmt))
    return [Found(n.value, context.get(id(n), CONTEXT), f"{rel}:{n.lineno}") for n in nodes
            if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in skip
            and CJK.search(n.value)]


def scan(folder: Path = UI, label_modules: tuple[str, ...] = LABEL_MODULES + LABEL_MODULES_ALL
         ) -> tuple[list[Found], list[str]]:
    """Every tr()/tr_noop() literal under ``folder`` and the labels tr() gets through names,
    and the calls whose argument is built at run time (an f-string: untranslatable)."""
    found: list[Found] = []
    loose: list[str] = []
    root = folder.parent
    for rel in label_modules:
        top_only = rel not in LABEL_MODULES_ALL
        found += constants(ast.parse((root / rel).read_text(encoding="utf-8")), rel, top_only)
    for path in sorted(folder.rglob("*.py")):
        rel = path.relative_to(root).as_posix()
        if rel.startswith("ui/devtools/"):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"), rel)
        if rel not in NOT_LABELS:
            found += constants(tree, rel, False)
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id in MARKERS and node.args):
                continue
            where = f"{rel}:{node.lineno}"
            text = _string(node.args[0])
            context = CONTEXT
            for kw in node.keywords:
                if kw.arg == "context":
                    context = _string(kw.value) or CONTEXT
            if len(node.args) > 1:
                context = _string(node.args[1]) or CONTEXT
            arg = node.args[0]
            if text is None and (isinstance(arg, (ast.JoinedStr, ast.BinOp)) or (
                    isinstance(arg, ast.Call) and isinstance(arg.func, ast.Attribute)
                    and arg.func.attr == "format")):
                loose.append(where)  # a name or a subscript is a label looked up: fine
            elif text is None:
                continue
            else:
                found.append(Found(text, context, where))
    return found, loose


def ts_path(language: str) -> Path:
    return FOLDER / f"casedesk_{language}.ts"


def qm_path(language: str) -> Path:
    return FOLDER / f"casedesk_{language}.qm"


def read_ts(path: Path) -> dict[tuple[str, str], str]:
    """(context, source) -> finished translation ('' when unfinished)."""
    done: dict[tuple[str, str], str] = {}
    if not path.exists():
        return done
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            node = message.find("translation")
            text = "" if node is None or node.get("type") in ("unfinished",) else (node.text or "")
            if node is not None and node.get("type") == "vanished":
                text = node.text or ""
            done[(name, source)] = text
    return done


def write_ts(path: Path, language: str, found: list[Found],
             translated: dict[tuple[str, str], str]) -> None:
    """The .ts with every string found (first place seen) plus vanished old ones."""
    contexts: dict[str, dict[str, str]] = {}
    for f in found:
        contexts.setdefault(f.context, {}).setdefault(f.text, f.where)
    root = ET.Element("TS", version="2.1", language=language, sourcelanguage="zh_CN")
    seen = {(c, s) for c, texts in contexts.items() for s in texts}
    old = [(c, s) for (c, s) in translated if (c, s) not in seen and translated[(c, s)]]
    for c, s in old:
        contexts.setdefault(c, {})[s] = ""
    for name in sorted(contexts):
        node = ET.SubElement(root, "context")
        ET.SubElement(node, "name").text = name
        for source, where in contexts[name].items():
            message = ET.SubElement(node, "message")
            if where:
                file = where.rsplit(":", 1)[0]
                ET.SubElement(message, "location", filename="../../" + file)  # no line: it moves
            ET.SubElement(message, "source").text = source
            text = translated.get((name, source), "")
            out = ET.SubElement(message, "translation")
            out.text = text
            if not where:
                out.set("type", "vanished")
            elif not text:
                out.set("type", "unfinished")
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n",
                    encoding="utf-8")


def lrelease() -> str:
    here = Path(sys.executable).parent / "pyside6-lrelease"
    return str(here) if here.exists() else "pyside6-lrelease"


def build_qm(ts: Path, qm: Path) -> None:
    """lrelease into a new file put in place at once: a running CaseDesk maps the old .qm,
    which must not change under it."""
    fresh = qm.with_name(qm.name + ".new")
    subprocess.run([lrelease(), "-silent", str(ts), "-qm", str(fresh)], check=True)
    os.replace(fresh, qm)


def unfinished(language: str, found: list[Found]) -> list[Found]:
    done = read_ts(ts_path(language))
    return [f for f in found if not done.get((f.context, f.text))]


def qm_is_current(language: str) -> bool:
    """The shipped .qm is what lrelease makes from the shipped .ts."""
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "fresh.qm"
        build_qm(ts_path(language), fresh)
        return qm_path(language).exists() and fresh.read_bytes() == qm_path(language).read_bytes()


def update(language: str, more: dict[tuple[str, str], str] | None = None) -> None:
    """Rewrite the .ts from the code (keeping its translations, ``more`` added) and the .qm."""
    found, _loose = scan()
    translated = read_ts(ts_path(language))
    translated.update(more or {})
    write_ts(ts_path(language), language, found, translated)
    build_qm(ts_path(language), qm_path(language))


def export_todo(language: str, path: Path) -> int:
    """The untranslated strings as JSON [[context, source, ""], …], to translate in batches."""
    found, _loose = scan()
    todo = {(f.context, f.text): "" for f in unfinished(language, found)}
    lines = ",\n".join(json.dumps([c, s, t], ensure_ascii=False) for (c, s), t in todo.items())
    path.write_text(f"[\n{lines}\n]\n", encoding="utf-8")  # one string a line
    return len(todo)


def load_batch(path: Path) -> dict[tuple[str, str], str]:
    """A batch written back: [[context, source, translation], …] (empty ones ignored)."""
    return {(c, s): t for c, s, t in json.loads(path.read_text(encoding="utf-8")) if t}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ui.devtools.translations")
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 on gaps")
    parser.add_argument("--todo", metavar="JSON", type=Path,
                        help="write the untranslated strings to JSON (for batch translation)")
    parser.add_argument("--batch", metavar="JSON", type=Path,
                        help="add the translations of a batch written back into that JSON")
    args = parser.parse_args(argv)
    if args.todo:
        print(f"{export_todo(LANGUAGES[0], args.todo)} untranslated strings in {args.todo}")
        return 0
    more = load_batch(args.batch) if args.batch else None
    found, loose = scan()
    bad = 0
    for where in loose:
        print(f"not a literal, cannot be translated: {where}")
        bad += 1
    for language in LANGUAGES:
        if not args.check:
            update(language, more)
        gaps = unfinished(language, found)
        for f in gaps:
            print(f"{language}: untranslated {f.where}: {f.text!r}")
        if args.check and not qm_is_current(language):
            print(f"{language}: {qm_path(language).name} is older than the .ts")
            bad += 1
        bad += len(gaps)
        print(f"{language}: {len({(f.context, f.text) for f in found})} strings, {len(gaps)} untranslated")
    return 1 if bad and args.check else 0


if __name__ == "__main__":
    sys.exit(main())
