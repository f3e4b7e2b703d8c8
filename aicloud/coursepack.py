"""What runs inside the course pack: the text of the notebooks refilled with a run's own figures, and the runner.

The pack's notebooks carry plain Markdown (JupyterLab shows MyST roles raw), with the glued figures filled in
when the pack was made. Each such cell keeps its template in `metadata.aicloud.template` (Markdown whose only
MyST left is `{glue:text}` roles) and the figures it was filled with in `metadata.aicloud.values`. After a run,
`refill` fills the templates again from the figures that run glued, so the text follows the student's
parameters and data. `python run.py` in the pack executes notebooks with `run`.

`glue` is myst-nb's `glue()` (same outputs, same metadata): the pack ships it as a folder `myst_nb/` so the
notebooks' `from myst_nb import glue` works without installing myst-nb, which needs Sphinx (about 110 MB).

Only the standard library is imported at the top: nbformat and nbclient are imported by the runner.
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import re
import sys
import time
from pathlib import Path
from typing import Any

GLUE_ROLE = re.compile(r"\{glue(?::(?:text|any))?\}`(?P<key>[^`]+?)(?::(?P<fmt>[^`:]*))?`")
GLUE_BLOCK = re.compile(r"\{glue:block\}`(?P<key>[^`]+)`")  # a pasted output (```{glue:} key```), as HTML
MARKDOWN_SPECIALS = re.compile(r"([\\`*_\[\]<>&|~{}#$])")
GLUE_PREFIX = "application/papermill.record/"
META = "aicloud"  # the notebook and cell metadata key this module reads and writes
OUT_DIR = "runs"


# --- reader-facing text (the one place for sentences this module prints; a translation needs a counterpart) ---

def _say_ran(name: str, seconds: float, out: Path) -> str:
    return f"  {name}: ran in {seconds:.1f} s, wrote {out}"


def _say_failed(name: str, err: str) -> str:
    return f"  {name}: FAILED: {err}"


def _say_kept(name: str, keys: list[str]) -> str:
    return (f"  {name}: {len(keys)} figure(s) in the text were not computed by this run and keep the pack's "
            f"values: {', '.join(keys)}")


def _say_unknown(name: str, known: list[str]) -> str:
    return f"unknown notebook {name!r}: choose from {', '.join(known)}"


def _say_unknown_param(name: str, notebook: str, known: list[str]) -> str:
    return f"{notebook} has no parameter {name!r}; it has: {', '.join(known)}"


def _say_one_notebook() -> str:
    return "-p sets a parameter of one notebook: name exactly one"


def _say_injected() -> str:
    return "# Parameters given on the command line (python -m aicloud run ... -p NAME VALUE)"


def _say_description() -> str:
    return ("The course pack's notebooks from the command line. `run` executes them (all, in reading order, or "
            f"the ones named) and writes copies with their outputs and their text refilled from that run's "
            f"figures into {OUT_DIR}/.")


# --- filling the text --------------------------------------------------------------------------------------

def format_plain_text(text: str, fmt: str) -> str:
    """A glued text/plain value formatted as myst-nb's `{glue:text}` role does (myst_nb.core.variables)."""
    try:
        value: Any = ast.literal_eval(text)
    except (SyntaxError, ValueError, MemoryError, RecursionError):
        value = text
    if fmt == "":
        return str(value)
    kind = fmt[-1]
    if kind == "s":
        value = str(value)
    elif kind in "bcdoxX":
        value = int(value)
    elif kind in "eEfFgGn%":
        value = float(value)
    return format(value, fmt)


def escape_markdown(text: str) -> str:
    """Data text shown as text: Markdown and HTML characters escaped (a buyer named `*x*` stays `*x*`)."""
    return MARKDOWN_SPECIALS.sub(r"\\\1", " ".join(text.split()))


def fill(template: str, values: dict[str, str], html: dict[str, str] | None = None) -> tuple[str, list[str]]:
    """`template` with every `{glue:text}` role replaced by its formatted value and every pasted output by its
    HTML (from `html`, the chapter's own escaped markup) or its text; and the keys found in neither."""
    missing: list[str] = []
    html = html or {}

    def block(m: re.Match) -> str:
        key = m.group("key").strip()
        if key in html:  # an HTML block: one paragraph for Markdown, so no blank line inside
            return "\n" + re.sub(r"\n\s*\n", "\n", html[key].strip()) + "\n"
        if key in values:
            return escape_markdown(format_plain_text(values[key], ""))
        missing.append(key)
        return m.group(0)

    def sub(m: re.Match) -> str:
        key = m.group("key").strip()
        if key not in values:
            missing.append(key)
            return m.group(0)
        return escape_markdown(format_plain_text(values[key], m.group("fmt") or ""))

    return GLUE_ROLE.sub(sub, GLUE_BLOCK.sub(block, template)), missing


def glued(nb: dict, mime: str = "text/plain") -> dict[str, str]:
    """Every glued key of an executed notebook (a dict as in the file) with its raw value of type `mime`."""
    values: dict[str, str] = {}
    for cell in nb.get("cells", []):
        for output in cell.get("outputs", []):
            meta = output.get("metadata", {}).get("scrapbook", {})
            data = output.get("data", {})
            if "name" in meta and meta.get("mime_prefix", "") + mime in data:
                text = data[meta.get("mime_prefix", "") + mime]
                values[meta["name"]] = "".join(text) if isinstance(text, list) else text
    return values


def refill(nb: Any) -> list[str]:
    """Fill every templated Markdown cell again from the figures glued by the notebook's own outputs.

    A figure this run did not compute keeps the value the pack was made with; returns those keys."""
    values, html = glued(nb), glued(nb, "text/html")
    kept: list[str] = []
    for cell in nb["cells"]:
        meta = cell.get("metadata", {}).get(META, {})
        if cell.get("cell_type") != "markdown" or "template" not in meta:
            continue
        text, missing = fill(meta["template"], {**meta.get("values", {}), **values},
                             {**meta.get("html", {}), **html})
        if missing:
            raise ValueError(f"no value for {', '.join(missing)} in a Markdown cell")
        kept += [k for k in {**meta.get("values", {}), **meta.get("html", {})} if k not in values]
        cell["source"] = text
    return sorted(set(kept))


# --- myst-nb's glue(), for the pack ---------------------------------------------------------------------------

def glue(name: str, variable: Any, display: bool = True) -> None:
    """Store `variable`'s display value under `name` in the cell's outputs, exactly as myst_nb.glue does."""
    import IPython.core.formatters
    from IPython.display import display as ipy_display

    mimebundle, metadata = IPython.core.formatters.format_display_data(variable)
    mime_prefix = "" if display else GLUE_PREFIX
    metadata["scrapbook"] = dict(name=name, mime_prefix=mime_prefix)
    ipy_display({mime_prefix + k: v for k, v in mimebundle.items()}, raw=True, metadata=metadata)


# --- the runner -------------------------------------------------------------------------------------------

def notebooks(root: Path) -> list[str]:
    """The pack's notebooks in reading order (`notebooks.json`, written when the pack was made)."""
    return json.loads((root / "notebooks.json").read_text(encoding="utf-8"))["order"]


def _kernel_manager() -> Any:
    """A kernel of this very Python (this environment), whatever kernels the user has installed elsewhere."""
    from jupyter_client.kernelspec import KernelSpec, KernelSpecManager
    from jupyter_client.manager import KernelManager

    class ThisPython(KernelSpecManager):
        def get_kernel_spec(self, kernel_name: str) -> KernelSpec:
            # The log level keeps ipykernel's notice about unencrypted local TCP off the student's screen.
            return KernelSpec(argv=[sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}",
                                    "--IPKernelApp.log_level=CRITICAL"],
                              display_name="Python 3", language="python", resource_dir="",
                              # Figures as the Vega-Lite spec JupyterLab and VS Code draw (aicloud.charts), even
                              # when this runs inside a process that built the site.
                              env={"AICLOUD_CHARTS": "notebook"})

    return KernelManager(kernel_name="python3", kernel_spec_manager=ThisPython())


def execute(source: Path, target: Path, root: Path, overrides: dict[str, object] | None = None,
            timeout: int = 600) -> list[str]:
    """Execute one notebook with the working folder `root`, refill its text, write it to `target` atomically.

    `overrides` (already checked) go into a cell after the parameters cell, as Papermill does."""
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(str(source), as_version=4)
    if overrides:
        at = next((i for i, c in enumerate(nb.cells) if "parameters" in c.metadata.get("tags", [])), None)
        if at is None:
            raise ValueError(f"{source.name} has no cell tagged 'parameters'")
        lines = [_say_injected()] + [f"{name} = {value!r}" for name, value in overrides.items()]
        nb.cells.insert(at + 1, nbformat.v4.new_code_cell("\n".join(lines), metadata={"tags": ["injected-parameters"]}))
    NotebookClient(nb, km=_kernel_manager(), timeout=timeout, allow_errors=False,
                   resources={"metadata": {"path": str(root)}}).execute()
    kept = refill(nb)
    nb.metadata.setdefault(META, {})["executed"] = time.strftime("%Y-%m-%d %H:%M:%S")
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.tmp")
    nbformat.write(nb, str(tmp))
    os.replace(tmp, target)
    return kept


def run(names: list[str], root: Path, out_dir: Path, overrides: dict[str, object] | None = None) -> int:
    """Execute the named notebooks in order; 0 when all ran, 1 otherwise."""
    failed = 0
    for name in names:
        start = time.perf_counter()
        target = out_dir / f"{name}.ipynb"
        try:
            kept = execute(root / f"{name}.ipynb", target, root, overrides)
        except Exception as err:  # noqa: BLE001 - any failure of a notebook is reported and the next one runs
            failed += 1
            what = f"{err.ename}: {err.evalue}" if hasattr(err, "ename") else f"{type(err).__name__}: {err}"
            print(_say_failed(name, what), file=sys.stderr)
            continue
        print(_say_ran(name, time.perf_counter() - start, target))
        if kept:
            print(_say_kept(name, kept))
    return 1 if failed else 0


def _parameters(root: Path, name: str) -> list[Any]:
    from aicloud import params

    return params.read(root / "notebooks" / f"{name}.md")


def main(argv: list[str] | None = None, root: Path | None = None) -> int:
    """`python -m aicloud` in the pack: `chapters`, `params NAME`, `run [NAME ...] [-p NAME VALUE]`."""
    root = Path(root or Path.cwd()).resolve()
    known = notebooks(root)
    parser = argparse.ArgumentParser(prog="python -m aicloud", description=_say_description())
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("chapters", help="the notebooks, in reading order")
    p = sub.add_parser("params", help="a notebook's parameters: type, default, documented range")
    p.add_argument("name", metavar="NOTEBOOK", choices=known)
    p = sub.add_parser("run", help=f"execute notebooks and write them, text refilled, to {OUT_DIR}/")
    p.add_argument("names", nargs="*", metavar="NOTEBOOK", help=f"any of: {', '.join(known)} (default: all)")
    p.add_argument("-p", "--param", nargs=2, action="append", metavar=("NAME", "VALUE"), default=[],
                   help="set a parameter (one notebook only)")
    p.add_argument("--out", default=OUT_DIR, help=f"the folder to write to (default {OUT_DIR})")
    args = parser.parse_args(argv)
    if args.command == "chapters":
        for name in known:
            print(name)
        return 0
    if args.command == "params":
        for prm in _parameters(root, args.name):
            print(f"{prm.name}: {prm.type} = {prm.default!r}  # {prm.help}")
        return 0
    names = [n.removesuffix(".ipynb") for n in args.names] or known
    unknown = [n for n in names if n not in known]
    if unknown:
        parser.error(_say_unknown(unknown[0], known))
    overrides: dict[str, object] = {}
    if args.param:
        if len(names) != 1:
            parser.error(_say_one_notebook())
        declared = {prm.name: prm for prm in _parameters(root, names[0])}
        for pname, raw in args.param:
            if pname not in declared:
                parser.error(_say_unknown_param(pname, names[0], sorted(declared)))
            try:
                overrides[pname] = declared[pname].coerce(raw)
            except ValueError as err:
                parser.error(str(err))
    out = Path(args.out)
    return run(names, root, out if out.is_absolute() else root / out, overrides)


def run_script(argv: list[str] | None = None) -> int:
    """`python run.py [NAME ...] [-p NAME VALUE]`: the same as `python -m aicloud run ...`."""
    return main(["run", *(sys.argv[1:] if argv is None else argv)])
