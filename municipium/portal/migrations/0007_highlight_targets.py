"""Home page cards lead somewhere: a card that named neither a page nor an address is linked
to the page of its own site whose title it carries ('Deklaracja dostępności', 'Nasza misja'
for the page 'Misja'), in the live page and in its latest revision, so that the next publish
keeps the link. A card that matches no page stays as it was and is not shown until an editor
chooses its page. Reversing leaves the links: they are what an editor would have chosen."""

import json
import re

import wagtail.fields
from django.db import migrations


def _words(text):
    return re.findall(r"\w+", (text or "").casefold())


def _match(title, pages):
    """The page whose title is the card's, or the longest whose words all appear in it."""
    words = _words(title)
    best = None
    for page in pages:
        page_words = _words(page.title)
        if not page_words:
            continue
        if page_words == words:
            return page
        n = len(page_words)
        inside = any(words[i : i + n] == page_words for i in range(len(words) - n + 1))
        if inside and (best is None or len(page_words) > len(_words(best.title))):
            best = page
    return best


def _linked(stream, pages):
    """The stream's blocks with their page chosen where a card had no target; None if none
    changed."""
    changed = False
    blocks = []
    for block in stream:
        value = dict(block.get("value") or {})
        if block.get("type") == "highlight" and not value.get("page") and not value.get("url"):
            page = _match(value.get("title"), pages)
            if page is not None:
                value["page"] = page.pk
                changed = True
        blocks.append({**block, "value": value})
    return blocks if changed else None


def link_cards(apps, schema_editor):
    HomePage = apps.get_model("portal", "HomePage")
    Page = apps.get_model("wagtailcore", "Page")
    Revision = apps.get_model("wagtailcore", "Revision")
    for home in HomePage.objects.all():
        pages = list(
            Page.objects.filter(path__startswith=home.path, depth__gt=home.depth).only(
                "pk", "title"
            )
        )
        raw = list(home.highlights.raw_data)
        linked = _linked(raw, pages)
        if linked is not None:
            HomePage.objects.filter(pk=home.pk).update(highlights=linked)
        if home.latest_revision_id is None:
            continue
        revision = Revision.objects.filter(pk=home.latest_revision_id).first()
        stored = (revision.content or {}).get("highlights") if revision else None
        if not stored:
            continue
        stream = json.loads(stored) if isinstance(stored, str) else stored
        linked = _linked(stream, pages)
        if linked is not None:
            revision.content["highlights"] = (
                json.dumps(linked) if isinstance(stored, str) else linked
            )
            revision.save(update_fields=["content"])


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0006_accessibility_procedure_help"),
    ]

    operations = [
        migrations.AlterField(
            model_name="homepage",
            name="highlights",
            field=wagtail.fields.StreamField(
                [("highlight", 4)],
                blank=True,
                block_lookup={
                    0: ("wagtail.blocks.CharBlock", (), {"label": "Title"}),
                    1: ("wagtail.blocks.TextBlock", (), {"label": "Text", "required": False}),
                    2: (
                        "wagtail.blocks.PageChooserBlock",
                        (),
                        {
                            "help_text": "A page of this municipality's site.",
                            "label": "Page",
                            "required": False,
                        },
                    ),
                    3: (
                        "wagtail.blocks.URLBlock",
                        (),
                        {
                            "help_text": "A form or a service on another site, when the card leads to no page here.",
                            "label": "Or an address",
                            "required": False,
                        },
                    ),
                    4: (
                        "wagtail.blocks.StructBlock",
                        [[("title", 0), ("text", 1), ("page", 2), ("url", 3)]],
                        {},
                    ),
                },
                verbose_name="highlights",
            ),
        ),
        migrations.RunPython(link_cards, migrations.RunPython.noop),
    ]
