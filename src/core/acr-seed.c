/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The demo seed: the four shipped qualification frameworks and a small, realistic demo of a
 * chamber's micro-credential series.
 *
 * Everything seeded is data, not code. The frameworks with their level descriptors in German
 * and English (written by us from the facts in STANDARDS.md §2, not copied from official
 * texts) are the shipped framework documents in data/frameworks/, compiled in as resources
 * and read like any imported document (acr-framework-xml.c): they are the single source and
 * pass the same checks. The demo chamber, curriculum, modules, learning outcomes, rubrics,
 * learners and assessment are kept in static tables below. The texts are content in both
 * languages, stored as such, so they are not marked for translation.
 *
 * Rules kept here:
 * - each seed runs in one transaction through the domain types' own save functions, so every
 *   rule of the model applies to seeded rows as to typed ones; on any error nothing is left;
 * - seeding is idempotent: a framework is added only when its code is missing, and the demo
 *   only when its curriculum code is missing;
 * - the demo modules are written as drafts with outcomes, level assignments and rubric, and
 *   only then approved, since an approved version is frozen. */

#define G_LOG_DOMAIN "acr-seed"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "acr-seed.h"
#include "acr-assessment.h"
#include "acr-audit-private.h"
#include "acr-core-resources.h"
#include "acr-curriculum.h"
#include "acr-framework.h"
#include "acr-framework-xml.h"
#include "acr-learner.h"
#include "acr-learning-outcome.h"
#include "acr-module.h"
#include "acr-organisation.h"
#include "acr-rubric.h"
#include "acr-store-private.h"

/* The shipped frameworks, as resources compiled in from data/frameworks/, in the order they
 * are added (the EQF first). */
static const char * const shipped_frameworks[] = {
  "EQF.xml",
  "DQR.xml",
  "NQR-AT.xml",
  "NQF-CH.xml",
};

/* The demo: a chamber's certificate series "IT-Sicherheit Grundlagen". All names, addresses
 * and people are fictional; the domain example.org is reserved for examples. */

#define DEMO_SERIES_DE   "IT-Sicherheit Grundlagen (" ACR_SEED_DEMO_CURRICULUM_CODE ")"
#define DEMO_QA_BODY     "Prüfungsausschuss der Demo-IHK Musterstadt (intern); jährliche " \
                         "Begutachtung durch eine nach DIN EN ISO/IEC 17024 akkreditierte " \
                         "Zertifizierungsstelle (extern)"
#define DEMO_VALIDITY    36
#define DEMO_PASS_TOTAL  6.0   /* three criteria at "erfüllt" */
#define DEMO_PASS_POINTS 2.0   /* every criterion at least "erfüllt" */

static const struct
{
  const char *name;
  const char *country;
  const char *address;
  const char *web;
  const char *email;
} demo_chamber = {
  "Demo-Industrie- und Handelskammer Musterstadt",
  "DE",
  "Kammerplatz 1, 12345 Musterstadt, Deutschland",
  "https://www.ihk-musterstadt.example.org",
  "weiterbildung@ihk-musterstadt.example.org",
};

static const struct
{
  const char *title;
  const char *title_en;
  const char *description;
  const char *description_en;
} demo_curriculum = {
  "IT-Sicherheit Grundlagen",
  "IT security basics",
  "Zertifikatsreihe der Demo-IHK Musterstadt aus drei Modulen für Beschäftigte ohne "
  "IT-Ausbildung. Wer alle drei Module bestanden hat, erhält das Zertifikat „IT-Sicherheit "
  "Grundlagen“.",
  "Certificate series of the demo chamber of commerce Musterstadt, made of three modules for "
  "employees without IT training. Whoever has passed all three modules receives the "
  "certificate “IT security basics”.",
};

/* The rubric levels every demo module uses. */
static const struct
{
  const char *name;
  double      points;
} demo_rubric_levels[] = {
  { "nicht erfüllt", 0 },
  { "erfüllt", 2 },
  { "übertroffen", 3 },
};

#define N_DEMO_LEVELS G_N_ELEMENTS (demo_rubric_levels)

static const struct
{
  const char *framework_code;
  int         level;
  const char *rationale;
} demo_levels[] = {
  { "EQF", 4,
    "Die Lernergebnisse verlangen breites Fakten- und Theoriewissen zur IT-Sicherheit am "
    "Arbeitsplatz und das selbständige Lösen typischer Sicherheitsprobleme in wechselnden, "
    "aber vorhersehbaren Lagen; dazu gehört, Regeln im eigenen Bereich zu bewerten und zu "
    "verbessern. Das entspricht EQR-Niveau 4." },
  { "DQR", 4,
    "Die Teilnehmenden planen, erledigen und bewerten fachliche Aufgaben selbständig und "
    "übernehmen Verantwortung für das Ergebnis, wie es eine drei- bis dreieinhalbjährige "
    "duale Berufsausbildung verlangt (DQR-Niveau 4, referenziert auf EQR-Niveau 4)." },
};

typedef struct
{
  AcrOutcomeKind  kind;
  const char     *statement;
  const char     *statement_en;
} SeedOutcome;

typedef struct
{
  const char *description;
  guint       outcomes[3];               /* outcome numbers from 1; 0 ends the list */
  const char *cells[N_DEMO_LEVELS];      /* in the order of demo_rubric_levels */
} SeedCriterion;

typedef struct
{
  const char         *code;
  const char         *title;
  const char         *title_en;
  const char         *description;
  const char         *description_en;
  double              workload_hours;
  double              ects;
  AcrAssessmentType   assessment_type;
  AcrParticipation    participation;
  AcrSupervision      supervision;
  const char         *isced_f;
  const char         *prerequisites;
  const char         *further_info;
  SeedOutcome         outcomes[6];       /* a NULL statement ends the list */
  SeedCriterion       criteria[3];
} SeedModule;

static const SeedModule demo_modules[] = {
  {
    "DEMO-ITSEC-01",
    "Sichere Passwörter und Authentifizierung",
    "Secure passwords and authentication",
    "Das Modul zeigt, wie sichere Passwörter und Passphrasen gebildet und verwaltet werden, wie "
    "Passwortmanager und Mehr-Faktor-Authentifizierung funktionieren und wie Beschäftigte ihre "
    "Zugänge im Betrieb schützen.",
    "The module shows how strong passwords and passphrases are created and managed, how "
    "password managers and multi-factor authentication work, and how employees protect their "
    "accounts at work.",
    25, 1,
    ACR_ASSESSMENT_TYPE_TEST, ACR_PARTICIPATION_BLENDED, ACR_SUPERVISION_SUPERVISED_ONSITE_ID,
    "0611",
    "Keine formalen Voraussetzungen. Sicherer Umgang mit PC, Smartphone und E-Mail wird "
    "erwartet.",
    "https://www.ihk-musterstadt.example.org/weiterbildung/it-sicherheit/passwoerter",
    {
      { ACR_OUTCOME_KIND_KNOWLEDGE,
        "Die Teilnehmenden erklären, was ein sicheres von einem schwachen Passwort "
        "unterscheidet und wie Angreifer Passwörter erraten oder erbeuten.",
        "Participants explain what distinguishes a strong password from a weak one and how "
        "attackers guess or steal passwords." },
      { ACR_OUTCOME_KIND_KNOWLEDGE,
        "Die Teilnehmenden beschreiben Verfahren der Mehr-Faktor-Authentifizierung (App, "
        "Hardware-Schlüssel, SMS) mit ihren Stärken und Schwächen.",
        "Participants describe methods of multi-factor authentication (app, hardware key, "
        "text message) with their strengths and weaknesses." },
      { ACR_OUTCOME_KIND_SKILL,
        "Die Teilnehmenden richten einen Passwortmanager ein und erzeugen damit für jeden "
        "Dienst ein eigenes starkes Passwort.",
        "Participants set up a password manager and use it to create a separate strong "
        "password for each service." },
      { ACR_OUTCOME_KIND_SKILL,
        "Die Teilnehmenden aktivieren die Mehr-Faktor-Authentifizierung für ein Benutzerkonto "
        "und verwahren die Wiederherstellungscodes sicher.",
        "Participants enable multi-factor authentication for a user account and keep the "
        "recovery codes safe." },
      { ACR_OUTCOME_KIND_AUTONOMY,
        "Die Teilnehmenden beurteilen die Zugangsregeln ihres Arbeitsbereichs selbständig und "
        "schlagen begründete Verbesserungen vor.",
        "Participants assess the access rules of their own work area independently and "
        "propose reasoned improvements." },
    },
    {
      { "Fachwissen zu Passwörtern, Angriffen und Mehr-Faktor-Verfahren", { 1, 2 }, {
        "Kann Merkmale sicherer Passwörter, gängige Angriffe oder Mehr-Faktor-Verfahren nicht "
        "oder nur lückenhaft erklären.",
        "Erklärt Merkmale sicherer Passwörter, gängige Angriffe und die Mehr-Faktor-Verfahren "
        "zutreffend.",
        "Erklärt zusätzlich, welches Verfahren zu welchem Schutzbedarf passt, und belegt dies "
        "mit Beispielen." } },
      { "Praktische Einrichtung von Passwortmanager und Mehr-Faktor-Authentifizierung",
        { 3, 4 }, {
        "Passwortmanager oder Mehr-Faktor-Authentifizierung sind nicht funktionsfähig "
        "eingerichtet.",
        "Passwortmanager und Mehr-Faktor-Authentifizierung sind funktionsfähig eingerichtet, "
        "die Wiederherstellungscodes sicher verwahrt.",
        "Beides ist fehlerfrei eingerichtet; Notfallzugang und Gerätewechsel werden "
        "schlüssig erläutert." } },
      { "Bewertung der Zugangsregeln im eigenen Arbeitsbereich", { 5 }, {
        "Erkennt keine oder nur unwesentliche Schwachstellen der Zugangsregeln.",
        "Erkennt die wesentlichen Schwachstellen und schlägt passende Verbesserungen vor.",
        "Ordnet die Verbesserungen nach Risiko und Aufwand und begründet sie überzeugend." } },
    },
  },
  {
    "DEMO-ITSEC-02",
    "Phishing und Social Engineering erkennen",
    "Recognising phishing and social engineering",
    "Das Modul zeigt, wie Angreifer mit gefälschten E-Mails, Anrufen und Nachrichten Menschen zu "
    "unbedachten Handlungen verleiten, und übt, solche Versuche zu erkennen und richtig zu "
    "melden.",
    "The module shows how attackers use forged e-mails, calls and messages to trick people "
    "into careless actions, and practises recognising such attempts and reporting them "
    "correctly.",
    15, 0.5,
    ACR_ASSESSMENT_TYPE_WORK_SAMPLE, ACR_PARTICIPATION_ONLINE,
    ACR_SUPERVISION_SUPERVISED_ONLINE_ID,
    "0611",
    "Keine formalen Voraussetzungen. Empfohlen wird das Modul „Sichere Passwörter und "
    "Authentifizierung“.",
    "https://www.ihk-musterstadt.example.org/weiterbildung/it-sicherheit/phishing",
    {
      { ACR_OUTCOME_KIND_KNOWLEDGE,
        "Die Teilnehmenden nennen typische Merkmale von Phishing-Nachrichten, etwa gefälschte "
        "Absender, künstlichen Zeitdruck und verschleierte Links.",
        "Participants name typical signs of phishing messages such as forged senders, "
        "artificial time pressure and disguised links." },
      { ACR_OUTCOME_KIND_KNOWLEDGE,
        "Die Teilnehmenden erklären gängige Maschen des Social Engineering wie Anrufe unter "
        "falschem Vorwand, Chef-Betrug und ausgelegte USB-Sticks.",
        "Participants explain common social engineering tricks such as calls under false "
        "pretences, CEO fraud and planted USB sticks." },
      { ACR_OUTCOME_KIND_SKILL,
        "Die Teilnehmenden prüfen verdächtige E-Mails an Absenderadresse, Linkziel und Anhang "
        "und entscheiden begründet, ob sie echt sind.",
        "Participants check suspicious e-mails by sender address, link target and attachment "
        "and decide with reasons whether they are genuine." },
      { ACR_OUTCOME_KIND_AUTONOMY,
        "Die Teilnehmenden melden Angriffsversuche selbständig auf dem vorgesehenen Weg und "
        "warnen ihr Team angemessen.",
        "Participants report attempted attacks on their own through the intended channel and "
        "warn their team appropriately." },
    },
    {
      { "Erkennen von Phishing-Nachrichten", { 1, 3 }, {
        "Ordnet die Beispielnachrichten überwiegend falsch ein oder kann die Einordnung nicht "
        "begründen.",
        "Ordnet die Beispielnachrichten überwiegend richtig ein und begründet dies mit "
        "Absender, Linkziel und Anhang.",
        "Ordnet alle Beispielnachrichten richtig ein und erkennt auch gut gemachte "
        "Fälschungen an unauffälligen Merkmalen." } },
      { "Verständnis von Social-Engineering-Maschen", { 2 }, {
        "Kann gängige Maschen nicht oder nur ungenau beschreiben.",
        "Beschreibt gängige Maschen und die ausgenutzten Verhaltensmuster zutreffend.",
        "Überträgt die Maschen auf die Abläufe des eigenen Betriebs und leitet Schutzmaßnahmen "
        "ab." } },
      { "Melden und Handeln im Verdachtsfall", { 4 }, {
        "Meldet den Vorfall nicht oder auf einem ungeeigneten Weg.",
        "Meldet den Vorfall rechtzeitig auf dem vorgesehenen Weg mit den nötigen Angaben.",
        "Meldet vollständig, sichert Hinweise und warnt das Team, ohne Panik zu verbreiten." } },
    },
  },
  {
    "DEMO-ITSEC-03",
    "Datensicherung und Wiederherstellung",
    "Data backup and recovery",
    "Das Modul zeigt, wie ein kleiner Betrieb seine Daten nach der 3-2-1-Regel sichert, "
    "Sicherungen vor Verschlüsselungstrojanern schützt und im Ernstfall Daten geordnet "
    "wiederherstellt.",
    "The module shows how a small business backs up its data by the 3-2-1 rule, protects "
    "backups from ransomware and restores data in an orderly way when disaster strikes.",
    30, 1,
    ACR_ASSESSMENT_TYPE_PRACTICAL, ACR_PARTICIPATION_ONSITE, ACR_SUPERVISION_SUPERVISED_ONSITE_ID,
    "0612",
    "Grundkenntnisse der Datei- und Ordnerverwaltung unter einem gängigen Betriebssystem.",
    "https://www.ihk-musterstadt.example.org/weiterbildung/it-sicherheit/datensicherung",
    {
      { ACR_OUTCOME_KIND_KNOWLEDGE,
        "Die Teilnehmenden erklären vollständige, differenzielle und inkrementelle Sicherungen "
        "sowie die 3-2-1-Regel.",
        "Participants explain full, differential and incremental backups and the 3-2-1 "
        "rule." },
      { ACR_OUTCOME_KIND_SKILL,
        "Die Teilnehmenden erstellen für einen Beispielbetrieb einen Sicherungsplan mit "
        "Zeitplan, Speicherorten und Aufbewahrungsfristen.",
        "Participants draw up a backup plan for a sample business with schedule, storage "
        "locations and retention periods." },
      { ACR_OUTCOME_KIND_SKILL,
        "Die Teilnehmenden stellen Dateien und ein ganzes System aus einer Sicherung wieder "
        "her und prüfen das Ergebnis.",
        "Participants restore files and a whole system from a backup and check the "
        "result." },
      { ACR_OUTCOME_KIND_AUTONOMY,
        "Die Teilnehmenden prüfen regelmäßig und eigenverantwortlich, ob Sicherungen "
        "vollständig und wiederherstellbar sind, und dokumentieren die Prüfung.",
        "Participants check regularly and on their own responsibility that backups are "
        "complete and restorable, and document the check." },
    },
    {
      { "Sicherungsarten und Sicherungskonzepte", { 1 }, {
        "Verwechselt die Sicherungsarten oder kann die 3-2-1-Regel nicht anwenden.",
        "Erklärt die Sicherungsarten und wendet die 3-2-1-Regel auf ein Beispiel an.",
        "Wägt Sicherungsarten nach Aufwand, Speicherbedarf und Wiederherstellungszeit "
        "begründet ab." } },
      { "Sicherungsplan und Wiederherstellung", { 2, 3 }, {
        "Der Plan ist lückenhaft oder die Wiederherstellung gelingt nicht.",
        "Der Plan ist vollständig und die Wiederherstellung von Dateien und System gelingt.",
        "Der Plan berücksichtigt auch Auslagerung und Verschlüsselung; die Wiederherstellung "
        "gelingt zügig und wird nachvollziehbar geprüft." } },
      { "Eigenverantwortliche Kontrolle der Sicherungen", { 4 }, {
        "Prüft die Sicherungen nicht oder dokumentiert die Prüfung nicht.",
        "Prüft die Sicherungen nach einem festen Ablauf und dokumentiert das Ergebnis.",
        "Leitet aus der Prüfung Verbesserungen ab und setzt Fristen für deren Umsetzung." } },
    },
  },
};

/* Clearly fictional people, with addresses under the reserved domain example.org. */
static const struct
{
  const char *given_name;
  const char *family_name;
  const char *birth_date;    /* NULL = unknown */
  const char *email;
  const char *external_id;
} demo_learners[] = {
  { "Erika", "Mustermann", "1988-05-12", "erika.mustermann@example.org", "DEMO-TN-0001" },
  { "Max", "Mustermann", "1990-11-03", "max.mustermann@example.org", "DEMO-TN-0002" },
  { "Lieschen", "Müller", NULL, "lieschen.mueller@example.org", "DEMO-TN-0003" },
};

/* One passed assessment: the first learner in the first module. */
static const struct
{
  guint       learner;                   /* index into demo_learners */
  guint       module;                    /* index into demo_modules */
  const char *assessed_on;
  const char *assessor;
  const char *evidence;
  const char *levels[3];                 /* level name reached per criterion */
} demo_assessment = {
  0, 0, "2025-06-20", "Dr. Jana Beispiel (Prüfungsausschuss)",
  "Prüfungsprotokoll DEMO-PRF-2025-0001",
  { "übertroffen", "erfüllt", "erfüllt" },
};

/* Adds the shipped framework document @name unless a framework with its code exists. */
static gboolean
seed_framework (AcrStore    *store,
                const char  *name,
                GError     **error)
{
  g_autofree char *path = g_strconcat ("/io/github/accredit/core/frameworks/", name, NULL);
  g_autoptr(GBytes) bytes = g_resource_lookup_data (acr_core_get_resource (), path, 0, NULL);
  g_autoptr(AcrFramework) framework = NULL;
  g_autoptr(AcrFramework) existing = NULL;
  g_autoptr(GError) local_error = NULL;

  /* The build compiles every shipped framework in. */
  g_assert (bytes != NULL);

  framework = acr_framework_new_from_xml (g_bytes_get_data (bytes, NULL),
                                          g_bytes_get_size (bytes), name, error);
  if (framework == NULL)
    return FALSE;

  existing = acr_framework_load_by_code (store, acr_framework_get_code (framework),
                                         &local_error);
  if (existing != NULL)
    return TRUE;

  if (!g_error_matches (local_error, ACR_STORE_ERROR, ACR_STORE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return acr_framework_save (framework, store, error);
}

gboolean
acr_seed_frameworks (AcrStore  *store,
                     GError   **error)
{
  g_return_val_if_fail (ACR_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!acr_store_begin (store, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (shipped_frameworks); i++)
    {
      if (!seed_framework (store, shipped_frameworks[i], error))
        {
          acr_store_rollback (store);
          g_prefix_error (error, _("Could not add the shipped framework “%s”: "),
                          shipped_frameworks[i]);
          return FALSE;
        }
    }

  return acr_store_commit (store, error);
}

static gboolean
curriculum_exists (AcrStore    *store,
                   const char  *code,
                   gboolean    *exists,
                   GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = _acr_store_prepare (store,
                                                     "SELECT 1 FROM curriculum WHERE code = ?1",
                                                     error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  _acr_bind_text (stmt, 1, code);
  rc = _acr_store_step (store, stmt, error);
  if (rc < 0)
    return FALSE;

  *exists = rc == SQLITE_ROW;
  return TRUE;
}

static gboolean
seed_chamber (AcrStore  *store,
              gint64    *out_id,
              GError   **error)
{
  g_autoptr(AcrOrganisation) chamber = acr_organisation_new ();

  acr_organisation_set_name (chamber, demo_chamber.name);
  acr_organisation_set_country (chamber, demo_chamber.country);
  acr_organisation_set_address (chamber, demo_chamber.address);
  acr_organisation_set_web (chamber, demo_chamber.web);
  acr_organisation_set_email (chamber, demo_chamber.email);

  if (!acr_organisation_save (chamber, store, error))
    return FALSE;

  *out_id = acr_organisation_get_id (chamber);
  return TRUE;
}

static gboolean
seed_rubric (AcrStore          *store,
             const SeedModule  *sm,
             gint64             module_id,
             GArray            *outcome_ids,
             GError           **error)
{
  g_autoptr(AcrRubric) rubric = acr_rubric_new ();
  g_autofree char *title = g_strdup_printf ("Bewertungsraster: %s", sm->title);
  AcrRubricLevel *levels[N_DEMO_LEVELS];

  acr_rubric_set_module_id (rubric, module_id);
  acr_rubric_set_title (rubric, title);
  acr_rubric_set_pass_min_total (rubric, DEMO_PASS_TOTAL);
  acr_rubric_set_pass_min_points (rubric, DEMO_PASS_POINTS);

  for (guint l = 0; l < N_DEMO_LEVELS; l++)
    levels[l] = acr_rubric_add_level (rubric, demo_rubric_levels[l].name,
                                      demo_rubric_levels[l].points);

  for (guint c = 0; c < G_N_ELEMENTS (sm->criteria); c++)
    {
      const SeedCriterion *sc = &sm->criteria[c];
      AcrRubricCriterion *criterion = acr_rubric_add_criterion (rubric, sc->description, 1);

      for (guint o = 0; o < G_N_ELEMENTS (sc->outcomes) && sc->outcomes[o] != 0; o++)
        {
          g_assert (sc->outcomes[o] <= outcome_ids->len);
          acr_rubric_criterion_add_outcome_id (criterion,
                                               g_array_index (outcome_ids, gint64,
                                                              sc->outcomes[o] - 1));
        }

      for (guint l = 0; l < N_DEMO_LEVELS; l++)
        acr_rubric_set_cell (rubric, criterion, levels[l], sc->cells[l]);
    }

  return acr_rubric_save (rubric, store, error);
}

/* Writes the module as a draft with outcomes, levels and rubric, then approves it. */
static gboolean
seed_module (AcrStore          *store,
             const SeedModule  *sm,
             gint64             organisation_id,
             gint64            *out_id,
             GError           **error)
{
  g_autoptr(AcrModule) module = acr_module_new ();
  g_autoptr(GArray) outcome_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 module_id;

  acr_module_set_code (module, sm->code);
  acr_module_set_status (module, ACR_STATUS_DRAFT);
  acr_module_set_organisation_id (module, organisation_id);
  acr_module_set_title (module, sm->title);
  acr_module_set_title_en (module, sm->title_en);
  acr_module_set_description (module, sm->description);
  acr_module_set_description_en (module, sm->description_en);
  acr_module_set_language (module, "de");
  acr_module_set_languages (module, "de");
  acr_module_set_workload_hours (module, sm->workload_hours);
  acr_module_set_ects (module, sm->ects);
  acr_module_set_assessment_type (module, sm->assessment_type);
  acr_module_set_assessment_mode (module, ACR_ASSESSMENT_MODE_SUMMATIVE);
  acr_module_set_participation (module, sm->participation);
  acr_module_set_supervision (module, sm->supervision);
  acr_module_set_qa_type (module, ACR_QA_TYPE_INTERNAL_EXTERNAL);
  acr_module_set_qa_body (module, DEMO_QA_BODY);
  acr_module_set_prerequisites (module, sm->prerequisites);
  acr_module_set_validity_months (module, DEMO_VALIDITY);
  acr_module_set_isced_f (module, sm->isced_f);
  acr_module_set_stackability (module, ACR_STACKABILITY_STACKABLE);
  acr_module_set_stackable_towards (module, DEMO_SERIES_DE);
  acr_module_set_further_info (module, sm->further_info);

  if (!acr_module_save (module, store, error))
    return FALSE;
  module_id = acr_module_get_id (module);

  for (guint o = 0; o < G_N_ELEMENTS (sm->outcomes) && sm->outcomes[o].statement != NULL; o++)
    {
      g_autoptr(AcrLearningOutcome) outcome = acr_learning_outcome_new ();
      gint64 outcome_id;

      acr_learning_outcome_set_module_id (outcome, module_id);
      acr_learning_outcome_set_statement (outcome, sm->outcomes[o].statement);
      acr_learning_outcome_set_statement_en (outcome, sm->outcomes[o].statement_en);
      acr_learning_outcome_set_kind (outcome, sm->outcomes[o].kind);
      if (!acr_learning_outcome_save (outcome, store, error))
        return FALSE;

      outcome_id = acr_learning_outcome_get_id (outcome);
      g_array_append_val (outcome_ids, outcome_id);
    }

  for (guint i = 0; i < G_N_ELEMENTS (demo_levels); i++)
    if (!acr_module_assign_level (store, module_id, demo_levels[i].framework_code,
                                  demo_levels[i].level, demo_levels[i].rationale, error))
      return FALSE;

  if (!seed_rubric (store, sm, module_id, outcome_ids, error))
    return FALSE;

  acr_module_set_status (module, ACR_STATUS_APPROVED);
  if (!acr_module_save (module, store, error))
    return FALSE;

  *out_id = module_id;
  return TRUE;
}

static gboolean
seed_curriculum (AcrStore      *store,
                 gint64         organisation_id,
                 const gint64  *module_ids,
                 GError       **error)
{
  g_autoptr(AcrCurriculum) curriculum = acr_curriculum_new ();

  acr_curriculum_set_code (curriculum, ACR_SEED_DEMO_CURRICULUM_CODE);
  acr_curriculum_set_organisation_id (curriculum, organisation_id);
  acr_curriculum_set_title (curriculum, demo_curriculum.title);
  acr_curriculum_set_title_en (curriculum, demo_curriculum.title_en);
  acr_curriculum_set_description (curriculum, demo_curriculum.description);
  acr_curriculum_set_description_en (curriculum, demo_curriculum.description_en);
  acr_curriculum_set_language (curriculum, "de");
  acr_curriculum_set_stacking_rule (curriculum, ACR_STACKING_RULE_ALL_REQUIRED);
  acr_curriculum_set_status (curriculum, ACR_STATUS_APPROVED);

  for (guint i = 0; i < G_N_ELEMENTS (demo_modules); i++)
    acr_curriculum_add_module (curriculum, module_ids[i], TRUE);

  return acr_curriculum_save (curriculum, store, error);
}

static gboolean
seed_learners (AcrStore  *store,
               gint64    *learner_ids,
               GError   **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (demo_learners); i++)
    {
      g_autoptr(AcrLearner) learner = acr_learner_new ();

      acr_learner_set_given_name (learner, demo_learners[i].given_name);
      acr_learner_set_family_name (learner, demo_learners[i].family_name);
      acr_learner_set_birth_date (learner, demo_learners[i].birth_date);
      acr_learner_set_email (learner, demo_learners[i].email);
      acr_learner_set_external_id (learner, demo_learners[i].external_id);
      if (!acr_learner_save (learner, store, error))
        return FALSE;

      learner_ids[i] = acr_learner_get_id (learner);
    }

  return TRUE;
}

static gboolean
seed_assessment (AcrStore      *store,
                 const gint64  *learner_ids,
                 const gint64  *module_ids,
                 GError       **error)
{
  g_autoptr(AcrAssessment) assessment = acr_assessment_new ();
  gint64 module_id = module_ids[demo_assessment.module];

  acr_assessment_set_learner_id (assessment, learner_ids[demo_assessment.learner]);
  acr_assessment_set_module_id (assessment, module_id);
  acr_assessment_set_assessed_on (assessment, demo_assessment.assessed_on);
  acr_assessment_set_assessor (assessment, demo_assessment.assessor);
  acr_assessment_set_evidence (assessment, demo_assessment.evidence);

  for (guint c = 0; c < G_N_ELEMENTS (demo_assessment.levels); c++)
    if (!acr_assessment_set_result_by_name (assessment, store, c + 1, demo_assessment.levels[c],
                                            error))
      return FALSE;

  if (!acr_assessment_save (assessment, store, error))
    return FALSE;

  /* The rubric decides; the demo promises a passed assessment. */
  if (!acr_assessment_get_passed (assessment))
    {
      g_set_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_FAILED,
                   _("The demo assessment did not pass the rubric of the module “%s”."),
                   demo_modules[demo_assessment.module].code);
      return FALSE;
    }

  return TRUE;
}

gboolean
acr_seed_demo (AcrStore  *store,
               GError   **error)
{
  gint64 organisation_id = 0;
  gint64 module_ids[G_N_ELEMENTS (demo_modules)];
  gint64 learner_ids[G_N_ELEMENTS (demo_learners)];
  gboolean exists = FALSE;

  g_return_val_if_fail (ACR_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!acr_store_begin (store, error))
    return FALSE;

  if (!curriculum_exists (store, ACR_SEED_DEMO_CURRICULUM_CODE, &exists, error))
    goto fail;

  if (exists)
    return acr_store_commit (store, error);

  if (!acr_seed_frameworks (store, error) ||
      !seed_chamber (store, &organisation_id, error))
    goto fail;

  for (guint i = 0; i < G_N_ELEMENTS (demo_modules); i++)
    {
      if (!seed_module (store, &demo_modules[i], organisation_id, &module_ids[i], error))
        {
          g_prefix_error (error, _("The demo module “%s” could not be added: "),
                          demo_modules[i].code);
          goto fail;
        }
    }

  if (!seed_curriculum (store, organisation_id, module_ids, error) ||
      !seed_learners (store, learner_ids, error) ||
      !seed_assessment (store, learner_ids, module_ids, error) ||
      !_acr_audit_appendf (store, "seed", "database", 0, error,
                           _("Added the demo data: the curriculum “%s” with its modules, "
                             "learners and an assessment."), ACR_SEED_DEMO_CURRICULUM_CODE))
    goto fail;

  if (!acr_store_commit (store, error))
    {
      g_prefix_error (error, _("Could not add the demo data: "));
      return FALSE;
    }

  return TRUE;

fail:
  acr_store_rollback (store);
  g_prefix_error (error, _("Could not add the demo data: "));
  return FALSE;
}
