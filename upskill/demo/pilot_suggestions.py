"""The demo pilot's suggestions, as data: what teachers and trainers of the four schools noticed in autumn 2020.

The story of revision 1.1: every suggestion marked applied here is named by a change of revision
1.1 in curriculum/revisions.yaml (`suggestions: [S-2020-0NN]`), and that change is about the
suggestion's item. The others are new, accepted and waiting for a revision, rejected with the
coordinator's reason, or duplicates of an applied one.
"""
from typing import NamedTuple

from upskill.models import SuggestionKind as Kind
from upskill.models import SuggestionStatus as Status

APPLIED_IN = "1.1"
VIS, ALY, TRE, ISPA = ("teacher@example.org", "teacher.alytus@example.org", "teacher.tredu@example.org",
                       "teacher.ispa@example.org")
BFU, PMO = "trainer@example.org", "trainer.fi@example.org"


class DemoSuggestion(NamedTuple):
    """One suggestion: its number of 2020 (S-2020-NNN), what it is about, who made it and where it stands."""

    number: int
    item_code: str
    kind: Kind
    language: str
    author: str
    text: str
    change: str
    status: Status = Status.new
    reason: str = ""  # why it was rejected
    duplicate_of: int | None = None  # the number of the suggestion it repeats


S = DemoSuggestion
SUGGESTIONS = (
    S(1, "M04.L1", Kind.unclear, "en", TRE, "The difference between the nozzle and the sprue bush is not clear.",
      "Add a labelled close-up of the nozzle against the sprue bush.", Status.accepted),
    S(2, "M04.T1", Kind.too_difficult, "lt", ALY, "Pirmųjų liejinių užduotis per ilga vienai pamokai.",
      "Padalyti užduotį į dvi dalis.", Status.rejected,
      "The task is planned for a double lesson; the teacher's notes already show where to stop after the first shots."),
    S(3, "M04.Q.q2", Kind.error, "en", VIS, "The feedback of the second option names the wrong pressure.",
      "Say holding pressure instead of injection pressure.", Status.rejected,
      "Checked against M04.L3: the option is about filling the cavity, so injection pressure is right there."),
    S(4, "M04.L1.figure:machine-units", Kind.translation, "lt", VIS, "Paveiksle likęs angliškas užrašas „clamp“.",
      "Išversti į „uždarymo mazgas“.", Status.accepted),
    S(5, "glossary:hopper", Kind.missing, "fi", TRE, "Sanastosta puuttuu kuivaavan suppilon selitys.",
      "Lisätään kuivaimella varustettu suppilo."),
    S(6, "M01.L1", Kind.too_easy, "fr", ISPA, "Les chiffres du secteur sont trop généraux pour nos apprentis.",
      "Ajouter des chiffres de la plasturgie française.", Status.rejected,
      "The lesson is the same in four countries; national figures belong in each teacher's own introduction."),
    S(7, "M04.T2", Kind.error, "en", BFU,
      "Our company changes moulds with a crane, and the crane takes the weight before anybody loosens a clamp. "
      "The task has the clamps loosened first.",
      "Depressurise the water, lock out, sling the mould, let the crane take the weight, then loosen the clamps.",
      Status.applied),
    S(8, "M06", Kind.missing, "en", ALY, "The module has no task on measuring parts with a calliper.",
      "Add a short measuring task.", Status.rejected,
      "M06.T1 is that task: the first-off release measures every cavity with a calliper."),
    S(9, "M05.L1", Kind.error, "fi", PMO, "Ekstruusion lämpötila-alue on esimerkissä liian korkea PE-HD:lle.",
      "Korjataan alue 180–230 °C:een."),
    S(10, "M04.L3", Kind.unclear, "fr", ISPA, "Le profil de pression du maintien manque d'unités.",
      "Indiquer les pressions en bar.", Status.accepted),
    # What revision 1.1 corrected (each named by its change in curriculum/revisions.yaml)
    S(11, "M01.L1", Kind.error, "fr", ISPA,
      "La leçon parle de cinq maillons de la chaîne de valeur, mais la figure montre six cases. "
      "Les apprentis les ont comptées et m'ont demandé qui avait raison.",
      "Dire que les cinq maillons sont des entreprises et que la sixième case est l'utilisateur.", Status.applied),
    S(12, "M01.L2", Kind.error, "en", TRE,
      "The Working Time Directive list says 'a weekly rest day'. The Directive asks for 24 hours in a row on top "
      "of the daily rest, and a break when the working day is longer than 6 hours.",
      "Give the Directive's weekly rest and break rules as they are.", Status.applied),
    S(13, "M01.L2", Kind.error, "en", BFU,
      "The fatigue box reads as if reaching into the machine were fine as long as you are alert. "
      "On our floor that is never allowed while the machine can move, tired or not.",
      "Say it is never allowed while the machine can move; a tired operator agrees a break and keeps away from "
      "forklifts, heights and mould changes.", Status.applied),
    S(15, "M01.L2", Kind.missing, "lt", ALY,
      "Mokytojo pastabose minimos kortelės rūšiavimui ir tuščios pamainų grafiko lentelės, bet jų niekur nėra.",
      "Pridėti spausdinamus darbo lapus: korteles ir tuščią grafiko lentelę.", Status.applied),
    S(16, "M01.L3", Kind.unclear, "en", VIS,
      "In the cap order example the material comes to 27.5 kg, but the answer says 28 kg without saying why, "
      "and the cartons do not add up to the good caps.",
      "Show the rounding up to 28 kg and count the cartons from the 10 000 good caps.", Status.applied),
    S(18, "M01.Q.q9", Kind.too_easy, "en", TRE,
      "The wrong options of this question are so far off that nobody needs to know the rules: "
      "my students picked the right one without having read the lesson.",
      "Use wrong options a student could believe (40 hours in any single week, a paid 30-minute break) and give "
      "the real rules in the feedback.", Status.applied),
    S(19, "M01.Q", Kind.too_easy, "fr", ISPA,
      "Dans le quiz, la bonne réponse est presque toujours la plus longue. Mes apprentis l'ont remarqué dès la "
      "troisième question.",
      "Reformuler les options pour qu'elles aient à peu près la même longueur.", Status.applied),
    S(20, "M03.L2", Kind.error, "en", BFU,
      "The lock-out example for the dripping hose releases the pressure before the locks are on. "
      "Our procedure, like every other, has a fixed order.",
      "Stop, isolate, lock and tag, release stored energy, verify zero energy - in that order.", Status.applied),
    S(22, "M03.L1", Kind.missing, "lt", VIS,
      "Mokytojo pastabose minimos paveikslėlių kortelės ir kišeninė kortelė, kurių medžiagoje nėra.",
      "Pridėti spausdinamą rizikos vertinimo formą su tikimybės ir pasekmių skalėmis.", Status.applied),
    S(23, "M03.L3", Kind.missing, "en", ALY,
      "The purging section does not say how to handle the purge lump. "
      "Two of our students wanted to pick it up once it looked cold.",
      "Say that a purge lump is handled only with heat-resistant gloves or tongs, even after cooling.",
      Status.applied),
    S(25, "M03.T2", Kind.unclear, "en", ALY,
      "The rubric of this task has four levels where the other tasks have three, and the top level depends on "
      "the student finding a new hazard in the company, which is luck.",
      "Use the three levels of the other tasks and judge what the student does.", Status.applied),
    S(26, "M04.L1", Kind.error, "en", VIS,
      "The lesson turns tonnes into kilonewtons with 10 kN in one place and 9.81 kN in another. "
      "My students got two answers for the 150 t machine.",
      "Use 9.81 kN per tonne everywhere: 150 t is about 1 470 kN.", Status.applied),
    S(27, "M04.Q.q7", Kind.error, "fi", TRE,
      "Kysymyksen 7 oikea vastaus valitsee koneen, jonka sulkuvoima juuri ja juuri riittää. "
      "Työpaikoilla valitaan aina seuraava isompi kone.",
      "Oikeaksi vastaukseksi seuraava isompi kone (150 t) perusteluineen.", Status.applied),
    S(29, "M04.L1", Kind.missing, "fr", ISPA,
      "Les notes de l'enseignant parlent d'une fiche photo pour le tour de la machine, mais elle n'existe pas.",
      "Ajouter une fiche de tour de machine à imprimer, avec les réponses.", Status.applied),
    S(30, "M04.L4", Kind.error, "en", PMO,
      "The mould change blows out the water circuit while it is still under pressure and unplugs the hot runner "
      "before it is switched off.",
      "Depressurise the water circuit first and switch the hot runner off before unplugging it.", Status.applied),
    S(32, "M04.L3", Kind.missing, "lt", ALY,
      "Lydalo temperatūros matavimas aprašytas be apsaugos priemonių: nėra nei veido skydelio, nei pirštinių, "
      "nei kada galima atidaryti apsauginį gaubtą.",
      "Aprašyti matavimą žingsniais, su apsaugos priemonėmis ten, kur jų reikia.", Status.applied),
    S(33, "M05.L1", Kind.missing, "fi", PMO,
      "Oppitunnilla ei lasketa, paljonko ekstruuderi tuottaa. Meillä operaattori tarkistaa tuoton joka vuorossa.",
      "Lisätään esimerkki: tuotto = ruuvin kierrosnopeus × ominaistuotto.", Status.applied),
    S(35, "M05.T2", Kind.error, "en", PMO,
      "The task asks the student to take a pipe sample without saying how. "
      "At our line nobody cuts a sample next to a running saw.",
      "Say the sample is taken only as the trainer shows, in gloves, never at a running saw.", Status.applied),
    S(36, "M05.L3", Kind.error, "en", TRE,
      "The stretch-ratio example calls it a 0.5-litre bottle, but a 65 mm × 230 mm body holds about three "
      "quarters of a litre. One of my students worked it out.",
      "Make the body shorter, or call it a 0.75-litre bottle.", Status.applied),
    S(38, "M06.L2", Kind.error, "fr", ISPA,
      "L'exemple de carte de contrôle prend les pièces dans un carton où les empreintes sont mélangées. "
      "Dans l'entreprise, un sous-groupe vient toujours d'une seule empreinte.",
      "Prendre des pièces consécutives d'une empreinte ; les autres empreintes sur leur propre carte.",
      Status.applied),
    S(39, "M06.L3", Kind.unclear, "en", ALY,
      "In the sink-mark example the setter raises the holding time to 6.5 s, but the lesson does not say whether "
      "the set-up sheet allows it. Students asked whether he broke the rule.",
      "Give the holding time range of the set-up sheet.", Status.applied),
    S(40, "M08.L4", Kind.error, "en", TRE,
      "The cooling water example does not add up: the flow falls to 3.5 l/min, yet the temperature rise goes "
      "from 3 K to 12 K. With the same heat, four times the rise needs a quarter of the flow.",
      "Let the flow fall from 6.0 to 1.5 l/min.", Status.applied),
    S(42, "M08.T1", Kind.error, "en", PMO,
      "Students are told to load the released recipe, but the teacher's notes say never to change it. "
      "With us, students only ever work on a training copy.",
      "Load the teacher's training copy of the recipe.", Status.applied),
    S(43, "M08.L1", Kind.error, "fi", TRE,
      "Opettajan vastaus kysymykseen 1 sanoo, että 21 °C:n lukema johtuu irronneesta termoelementistä. "
      "Irronnut anturi näyttäisi paljon enemmän; 21 °C viittaa oikosulkuun.",
      "Korjataan vastaus: ensin oikosulku tai johdotusvika, ja katsotaan lähtöä eikä vain lukemaa.",
      Status.applied),
    S(44, "M10.L3", Kind.error, "en", ISPA,
      "In the OEE story the mould change of machine 7 happens in the middle of the shift, but the shift plan "
      "has it at the start. My students could not make the numbers agree.",
      "Put the mould change at the start of the shift in the story too.", Status.applied),
    S(46, "M10.T1", Kind.missing, "fr", ISPA,
      "Dans la tâche SMED, les élèves travaillent entre les plateaux, mais la consignation n'est rappelée qu'au "
      "début de la fiche.",
      "Rappeler la consignation complète à l'étape où l'on travaille entre les plateaux, pour les deux "
      "changements.", Status.applied),
    S(47, "M10.L2", Kind.error, "en", ISPA,
      "The teacher's notes say the card sort practises step 3 of SMED, but separating internal from external "
      "work is step 2 in the lesson itself.",
      "Point the card sort at step 2.", Status.applied),
    # The same thing seen twice
    S(17, "M01.L2", Kind.error, "en", ALY,
      "The rest rules in the list do not match our Labour Code: weekly rest is more than 'a day off'.",
      "Check the rest rules against the Directive.", Status.duplicate, duplicate_of=12),
    S(24, "M01.Q", Kind.too_easy, "lt", VIS, "Teste teisingas atsakymas beveik visada ilgiausias.",
      "Suvienodinti atsakymų ilgį.", Status.duplicate, duplicate_of=19),
    S(34, "M04.L1", Kind.error, "lt", ALY, "Tonų ir kiloniutonų perskaičiavimas pamokoje nenuoseklus.",
      "Visur naudoti 1 t = 9,81 kN.", Status.duplicate, duplicate_of=26),
    S(28, "M03.L2", Kind.error, "en", PMO,
      "The lock-out example does not follow the order of the lock-out steps in the same lesson.",
      "Follow the eight steps in the example too.", Status.duplicate, duplicate_of=20),
    # Turned down, with the coordinator's reason
    S(14, "M04.L2", Kind.too_difficult, "en", TRE,
      "The cycle time calculations are too hard for our first-year students.",
      "Leave out the output per hour.", Status.rejected,
      "Working out the output is a learning outcome of the module; the new cycle time worksheet M04.W2 "
      "gives practice in small steps."),
    S(37, "M10.L1", Kind.other, "fr", ISPA, "Pourrait-on ajouter une vidéo d'un atelier après un chantier 5S ?",
      "Une courte vidéo avant/après.", Status.rejected,
      "The programme has no films: every page must work offline on a phone, and a film of a real workshop needs "
      "the consent of everybody in it. The 5S audit sheet M10.W1 does the same job."),
    S(21, "M01.T1", Kind.error, "en", VIS,
      "The task says the machine may still be hot; ours is always cold when the students arrive.",
      "Say the machine is cold.", Status.rejected,
      "The task is done on a heated machine, so barrel and nozzle are above 200 °C; students stay outside the "
      "guarded area. Revision 1.1 says so plainly."),
    # Accepted for a later revision, or still waiting
    S(31, "M05.L4", Kind.too_difficult, "en", PMO,
      "The trimming station part packs too much into one lesson for students who have never seen a blow moulder.",
      "Move the trimming station to a lesson of its own or to the company day.", Status.accepted),
    S(41, "M03.T1", Kind.translation, "lt", VIS,
      "Lietuviškame tekste „interlock“ išverstas kaip „užraktas“, bet taip vadiname ir spyną ant jungiklio.",
      "Rašyti „blokuotė“, o „užraktas“ palikti spynai."),
    S(45, "M04.T1", Kind.other, "en", BFU,
      "Could the task have a variant for a machine where a robot takes the parts out? Half of our machines have one.",
      "Add the robot's guarded area and hand-over point to the steps."),
    S(48, "M06.T1", Kind.too_easy, "en", ALY,
      "Strong students finished the first-off release in half the time.",
      "Give them a second part from a two-cavity mould to release."),
)
