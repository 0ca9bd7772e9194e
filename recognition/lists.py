"""Lists of names read as a sentence, in the active language: "A, B and C", "A, B y C"."""

from django.utils.translation import pgettext


def format_list(items: list[str]) -> str:
    """"A", "A and B", "A, B and C" in the active language (the pieces are not translated).

    Pieces are joined as text: a caller building HTML escapes them first (and marks the
    result safe itself).
    """
    items = [str(item) for item in items]
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    if len(items) == 2:
        return pgettext("list of two", "%(first)s and %(last)s") % {
            "first": items[0], "last": items[1]}
    text = items[0]
    for item in items[1:-1]:
        text = pgettext("list, middle", "%(list)s, %(item)s") % {"list": text, "item": item}
    return pgettext("list, end", "%(list)s and %(last)s") % {"list": text, "last": items[-1]}
