"""The layers, checked: `sites`/`themes` → `hub` apps → `hub.tenancy`, and nothing leaning the other way.

Every import of our own code is read from the source (those inside functions too: an import moved
into a function to break a cycle still is one), so the rules hold for the code as written, not for
what happens to be imported at start-up.
"""

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("hub", "sites", "themes", "fixtures")

# The hub apps from the floor up: an app may import the apps listed before it, never one after it.
HUB_LAYERS = [
    "tenancy",  # Department ↔ Site, scoping, onboarding: the floor
    "cache",  # the page cache and its invalidation, on tenancy alone
    "taxonomy",
    "workflow",
    "interaction",
    "services",
    "i18n",
    "syndication",
    "directory",
    "feeds",
    "search",
    "sitemaps",  # sitemap.xml, robots.txt and 网站地图 per tenant
    "inspection",  # the national indicators, judged from every app's data
    "linkcheck",  # outside links and availability, declared into inspection's registry
    "isolation",  # every override of Wagtail's admin, on top
]
# The project's own modules (settings, root URLconf, WSGI) may import every hub app.
HUB_PROJECT = {"settings", "urls", "wsgi"}
FORBIDDEN_IN_HUB = ("sites", "themes", "fixtures")


def module_name(path):
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def source_modules():
    modules = {}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            modules[module_name(path)] = path
    return modules


MODULES = source_modules()


def own_module(name):
    """The module of ours an imported name lives in (the longest known prefix), or None."""
    while name and name not in MODULES:
        name = name.rpartition(".")[0]
    return name or None


def imports_of(module, path):
    """(imported module, line) for every import of our own code anywhere in the module."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([node.module] if node.module else []))
            # `from package import module` imports the module itself.
            targets = [f"{base}.{alias.name}" for alias in node.names]
        else:
            continue
        for target in targets:
            found = own_module(target)
            if found is not None and found != module:
                yield found, node.lineno


GRAPH = {module: sorted(set(imports_of(module, path))) for module, path in MODULES.items()}


def hub_unit(module):
    """A hub module's app (or project module), None outside hub."""
    parts = module.split(".")
    return parts[1] if parts[0] == "hub" and len(parts) > 1 else None


def test_every_hub_app_has_its_place_in_the_layers():
    apps = {path.parent.name for path in (ROOT / "hub").glob("*/apps.py")}
    assert apps == set(HUB_LAYERS), "add the app to HUB_LAYERS, between the apps it imports and those importing it"


def test_hub_never_imports_sites_themes_or_fixtures():
    wrong = [
        f"{MODULES[module].relative_to(ROOT)}:{line} imports {target}"
        for module, targets in GRAPH.items()
        if module.split(".")[0] == "hub"
        for target, line in targets
        if target.split(".")[0] in FORBIDDEN_IN_HUB
    ]
    assert wrong == []


def test_hub_apps_import_only_the_apps_below_them():
    wrong = []
    for module, targets in GRAPH.items():
        unit = hub_unit(module)
        if unit is None or unit in HUB_PROJECT:
            continue
        for target, line in targets:
            other = hub_unit(target)
            if other not in (None, unit) and (other in HUB_PROJECT or HUB_LAYERS.index(other) > HUB_LAYERS.index(unit)):
                wrong.append(f"{MODULES[module].relative_to(ROOT)}:{line} ({unit}) imports {target} ({other})")
    assert wrong == []


def strongly_connected(graph):
    """Tarjan's algorithm: the groups of modules that import one another, directly or around a loop."""
    index, low, stack, on_stack, groups = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph.get(node, ()):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = set()
            while not group or node not in group:
                group.add(stack.pop())
            on_stack.difference_update(group)
            groups.append(group)

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return [group for group in groups if len(group) > 1]


def test_no_import_cycles_between_hub_modules():
    hub = {
        m: [t for t, _line in targets if t.startswith("hub.")] for m, targets in GRAPH.items() if m.startswith("hub.")
    }
    assert [sorted(group) for group in strongly_connected(hub)] == []


def sites_app_labels():
    labels = set()
    for path in (ROOT / "sites").glob("*/apps.py"):
        found = re.search(r"""label = ["'](\w+)["']""", path.read_text(encoding="utf-8"))
        labels.add(found.group(1) if found else path.parent.name)
    return labels


def test_hub_names_no_page_type_of_sites():
    """Page types declare their roles (search labels, exact lookups, directory roles) themselves; only
    the settings, the project's configuration, name them."""
    label = re.compile(rf"^({'|'.join(sorted(sites_app_labels()))})\.[A-Z]\w*$")
    wrong = [
        f"{path.relative_to(ROOT)}:{node.lineno} names {node.value}"
        for module, path in MODULES.items()
        if hub_unit(module) not in (None, *HUB_PROJECT) and "migrations" not in module
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and label.match(node.value)
    ]
    assert wrong == []


TEMPLATE_TAG = re.compile(r"""{%\s*(?:extends|include)\s+["']([^"']+)["']""")


def test_hub_templates_need_no_theme():
    """A hub template extends or includes only templates hub ships (a theme may override them)."""
    hub_templates = {
        path.relative_to(directory).as_posix(): path
        for directory in (ROOT / "hub").glob("*/templates")
        for path in directory.rglob("*.html")
    }
    theme_only = set()
    for directory in (ROOT / "themes").glob("*/templates"):
        theme_only |= {p.relative_to(directory).as_posix() for p in directory.rglob("*.html")} - set(hub_templates)
    wrong = [
        f"{path.relative_to(ROOT)} uses {name}"
        for path in hub_templates.values()
        for name in TEMPLATE_TAG.findall(path.read_text(encoding="utf-8"))
        if name in theme_only
    ]
    assert wrong == []
