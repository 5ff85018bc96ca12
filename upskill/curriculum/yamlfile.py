"""YAML and front-matter reading that remembers the line of every key and list entry."""
import yaml


class LineDict(dict):
    """A mapping that knows the source line of each key (1-based)."""

    def __init__(self, *args, line=1, **kwargs):
        super().__init__(*args, **kwargs)
        self.line = line
        self.lines = {}

    def line_of(self, key):
        """Return the line of key, or of the mapping itself when the key is absent."""
        return self.lines.get(key, self.line)


class LineList(list):
    """A list that knows the source line of each entry (1-based)."""

    def __init__(self, *args, line=1):
        super().__init__(*args)
        self.line = line
        self.lines = []

    def line_of(self, index):
        """Return the line of the entry at index."""
        return self.lines[index] if index < len(self.lines) else self.line


class _LineLoader(yaml.SafeLoader):
    """A safe loader whose mappings and sequences carry line numbers."""


def _construct_mapping(loader, node):
    mapping = LineDict(line=node.start_mark.line + 1)
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in mapping:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}", key_node.start_mark
            )
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.lines[key] = key_node.start_mark.line + 1
    return mapping


def _construct_sequence(loader, node):
    sequence = LineList(line=node.start_mark.line + 1)
    for child in node.value:
        sequence.append(loader.construct_object(child, deep=True))
        sequence.lines.append(child.start_mark.line + 1)
    return sequence


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)
# Dates stay text: the curriculum is data for people, and text compares and serialises plainly.
_LineLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class YamlError(ValueError):
    """A YAML text that cannot be read, with the line it went wrong on."""

    def __init__(self, message, line):
        super().__init__(message)
        self.line = line


def parse_yaml(text, first_line=1):
    """Parse YAML text; line numbers are counted from first_line."""
    try:
        data = yaml.load(text, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = (mark.line if mark else 0) + first_line
        raise YamlError(f"invalid YAML: {error.problem or error}", line) from None
    except yaml.YAMLError as error:
        raise YamlError(f"invalid YAML: {error}", first_line) from None
    if first_line != 1:
        _shift_lines(data, first_line - 1)
    return data


def _shift_lines(data, offset):
    if isinstance(data, LineDict):
        data.line += offset
        data.lines = {key: line + offset for key, line in data.lines.items()}
        values = data.values()
    elif isinstance(data, LineList):
        data.line += offset
        data.lines = [line + offset for line in data.lines]
        values = data
    else:
        return
    for value in values:
        _shift_lines(value, offset)


def split_front_matter(text, optional=False):
    """Split a Markdown file into (front matter text, body, line of the body's first line).

    Raise YamlError when the file does not start with a closed '---' block, unless optional.
    """
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        if optional:
            return "", text, 1
        raise YamlError("missing front matter: the file must start with a '---' line", 1)
    for index in range(1, len(lines)):
        if lines[index].strip() == "---":
            return "".join(lines[1:index]), "".join(lines[index + 1 :]), index + 2
    raise YamlError("front matter is not closed: add a '---' line after it", 1)
