from municipium.desk.models import Attribute, Category, CategoryName


def category(municipality, code, unit, *, target=5, names=None, **fields):
    """A category named in the municipality's languages ('<code> (<language>)')."""
    found = Category.objects.create(
        municipality=municipality, code=code, unit=unit, target_working_days=target, **fields
    )
    for language in municipality.languages:
        name = (names or {}).get(language, f"{code} ({language})")
        CategoryName.objects.create(category=found, language=language, name=name)
    return found


def question(category, code, datatype="string", *, required=False, values=(), **labels):
    return Attribute.objects.create(
        category=category,
        code=code,
        datatype=datatype,
        required=required,
        labels=labels or {"tr": code},
        values=list(values),
    )
