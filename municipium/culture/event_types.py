"""The types of event the seed pages name (page 000's programme, page 004's culture centre), with
their names in the installation's languages and the schema.org type each is published as.
Seeded by the data migration ``culture/0002_event_types``; ``event_types_ensure`` adds any that
are missing (the migration and the tests' factories call it)."""

# code: (schema.org type, course?, for school classes?, {language: name})
EVENT_TYPES = {
    "talk": ("EducationEvent", False, False,
             {"en": "Talk", "tr": "Söyleşi", "fa": "سخنرانی", "pl": "Prelekcja"}),
    "symposium": ("EducationEvent", False, False,
                  {"en": "Symposium", "tr": "Sempozyum", "fa": "همایش", "pl": "Sympozjum"}),
    "panel": ("EducationEvent", False, False,
              {"en": "Panel discussion", "tr": "Panel", "fa": "میزگرد", "pl": "Panel dyskusyjny"}),
    "conference": ("EducationEvent", False, False,
                   {"en": "Conference", "tr": "Konferans", "fa": "کنفرانس", "pl": "Konferencja"}),
    "concert": ("MusicEvent", False, False,
                {"en": "Concert", "tr": "Konser", "fa": "کنسرت", "pl": "Koncert"}),
    "festival": ("Festival", False, False,
                 {"en": "Festival", "tr": "Festival", "fa": "جشنواره", "pl": "Festiwal"}),
    "show": ("TheaterEvent", False, False,
             {"en": "Show", "tr": "Gösteri", "fa": "نمایش", "pl": "Spektakl"}),
    "celebration": ("SocialEvent", False, False,
                    {"en": "Celebration", "tr": "Kutlama", "fa": "جشن", "pl": "Uroczystość"}),
    "city_tour": ("Event", False, True,
                  {"en": "City tour", "tr": "Kent gezisi", "fa": "گشت شهری",
                   "pl": "Spacer po mieście"}),
    "fair": ("SaleEvent", False, False,
             {"en": "Fair", "tr": "Fuar", "fa": "بازارچه", "pl": "Targi"}),
    "exhibition_opening": ("ExhibitionEvent", False, False,
                           {"en": "Exhibition opening", "tr": "Sergi açılışı",
                            "fa": "افتتاحیه نمایشگاه", "pl": "Wernisaż"}),
    "competition": ("Event", False, False,
                    {"en": "Competition", "tr": "Yarışma", "fa": "مسابقه", "pl": "Konkurs"}),
    "review": ("Festival", False, False,
               {"en": "Review", "tr": "Seçki", "fa": "مرور", "pl": "Przegląd"}),
    "workshop": ("EducationEvent", False, True,
                 {"en": "Workshop", "tr": "Atölye", "fa": "کارگاه", "pl": "Warsztaty"}),
    "science_workshop": ("EducationEvent", False, True,
                         {"en": "Science workshop", "tr": "Bilim atölyesi", "fa": "کارگاه علمی",
                          "pl": "Warsztaty naukowe"}),
    "course": ("CourseInstance", True, False,
               {"en": "Course", "tr": "Kurs", "fa": "دوره آموزشی", "pl": "Kurs"}),
    "trip": ("Event", False, True,
             {"en": "Trip", "tr": "Gezi", "fa": "اردو", "pl": "Wycieczka"}),
}  # fmt: skip


def event_types_ensure(event_type_model, name_model) -> None:
    """Create the types and names that are missing; change nothing that staff changed."""
    for order, (code, (schema, course, schools, names)) in enumerate(EVENT_TYPES.items()):
        event_type, _created = event_type_model.objects.get_or_create(
            code=code,
            defaults={
                "schema_type": schema,
                "is_course": course,
                "for_school_classes": schools,
                "sort_order": order * 10,
            },
        )
        for language, name in names.items():
            name_model.objects.get_or_create(
                event_type=event_type, language=language, defaults={"name": name}
            )
