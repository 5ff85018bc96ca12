"""The fictional people of the demo: schools, companies, staff and students with names of their country."""
from datetime import date

PILOT = (date(2020, 9, 1), date(2020, 12, 18))

# code, name, kind, city, country, language
PLACES = (
    ("LT-VIS", "Visaginas Vocational School", "school", "Visaginas", "LT", "lt"),
    ("LT-ALY", "Alytus Vocational Training Centre", "school", "Alytus", "LT", "lt"),
    ("FI-TRE", "Tredu", "school", "Tampere", "FI", "fi"),
    ("FR-ISPA", "ISPA", "school", "Alençon", "FR", "fr"),
    ("CO-BFU", "Baltijos Formos UAB", "company", "Alytus", "LT", "lt"),
    ("CO-PMO", "Pirkanmaan Muovi Oy", "company", "Tampere", "FI", "fi"),
)

# e-mail, name, roles, place code
STAFF = (
    ("admin@example.org", "Ada Admin", ("admin",), None),
    ("coordinator@example.org", "Cora Coordinator", ("coordinator",), None),
    ("teacher@example.org", "Tomas Teacher", ("teacher",), "LT-VIS"),
    ("teacher.alytus@example.org", "Rasa Vaitkienė", ("teacher",), "LT-ALY"),
    ("teacher.tredu@example.org", "Mikko Lehtinen", ("teacher",), "FI-TRE"),
    ("teacher.ispa@example.org", "Claire Dubois", ("teacher",), "FR-ISPA"),
    ("trainer@example.org", "Darius Trainer", ("company_trainer",), "CO-BFU"),
    ("trainer.fi@example.org", "Sanna Virtanen", ("company_trainer",), "CO-PMO"),
)

# school code -> (class name, teacher e-mail, modules, company code or None, students)
CLASSES = {
    "LT-VIS": ("Plastikų operatoriai 2020 A", "teacher@example.org", ["M01", "M02", "M03", "M04"], "CO-BFU", (
        "Sofia Student", "Lukas Kazlauskas", "Emilija Petrauskaitė", "Matas Jankauskas", "Gabija Stankevičiūtė",
        "Jonas Vasiliauskas", "Austėja Žukauskaitė", "Dovydas Butkus", "Ugnė Paulauskaitė", "Nojus Urbonas",
        "Kamilė Navickaitė", "Rokas Kavaliauskas")),
    "LT-ALY": ("Operatoriai 2020 B", "teacher.alytus@example.org", ["M01", "M03", "M04", "M06"], "CO-BFU", (
        "Ieva Ramanauskaitė", "Domantas Rimkus", "Miglė Sakalauskaitė", "Benas Baranauskas", "Goda Adomaitytė",
        "Titas Marcinkevičius", "Viltė Žilinskaitė", "Arnas Lukoševičius", "Rugilė Bieliauskaitė", "Kajus Ramanauskas")),
    "FI-TRE": ("Muovituotanto 2020", "teacher.tredu@example.org", ["M01", "M04", "M05", "M08"], "CO-PMO", (
        "Aino Korhonen", "Eetu Nieminen", "Helmi Mäkinen", "Leevi Hämäläinen", "Sofia Laine", "Onni Heikkinen",
        "Ella Koskinen", "Väinö Järvinen", "Iida Lehtonen", "Eino Saarinen", "Venla Salminen")),
    "FR-ISPA": ("Conducteurs de ligne 2020", "teacher.ispa@example.org", ["M01", "M04", "M06", "M10"], None, (
        "Léa Martin", "Hugo Bernard", "Chloé Petit", "Louis Durand", "Manon Leroy", "Nathan Moreau",
        "Camille Simon", "Enzo Laurent", "Inès Lefebvre", "Théo Michel", "Jade Garcia", "Lucas Roux", "Zoé Fournier")),
}


def student_email(name, code):
    """A fictional address: the demo student of Visaginas signs in as student@example.org."""
    if name == "Sofia Student":
        return "student@example.org"
    plain = name.lower().translate(str.maketrans("ąčęėįšųūžäöåéèêëàâîïôûüç", "aceeisuuzaoaeeeeaaiiouuc"))
    return plain.replace(" ", ".") + f".{code.split('-')[1].lower()}@students.example.org"
