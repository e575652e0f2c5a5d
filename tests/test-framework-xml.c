/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Framework documents: the shipped files are valid and canonical, import replaces by code and
 * keeps the modules assigned, export → import → export gives the same bytes, and every bad
 * or hostile document is refused with the right error and leaves the database as it was. */

#include "config.h"

#include <string.h>
#include <sqlite3.h>
#include <glib/gstdio.h>

#include "acr-core.h"
#include "acr-store-private.h"
#include "acr-xml.h"

static const char * const shipped_codes[] = { "EQF", "DQR", "NQR-AT", "NQF-CH" };

static AcrStore *
open_store (void)
{
  g_autoptr(GError) error = NULL;
  AcrStore *store = acr_store_open (":memory:", &error);

  g_assert_no_error (error);
  return store;
}

static AcrStore *
open_seeded_store (void)
{
  g_autoptr(GError) error = NULL;
  AcrStore *store = open_store ();

  g_assert_true (acr_seed_frameworks (store, &error));
  g_assert_no_error (error);
  return store;
}

static void
exec_sql (AcrStore   *store,
          const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (_acr_store_exec (store, sql, &error));
  g_assert_no_error (error);
}

static gint64
query_int (AcrStore   *store,
           const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = _acr_store_prepare (store, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

/* The row count of every table and every row of the framework tables, as one string: to
 * prove that a refused import changed nothing. */
static char *
snapshot (AcrStore *store)
{
  static const char * const framework_tables[] = {
    "framework", "framework_dimension", "framework_level", "framework_descriptor",
    "module_level",
  };
  g_autoptr(sqlite3_stmt) tables =
    _acr_store_prepare (store, "SELECT name FROM sqlite_schema WHERE type = 'table' "
                               "AND name NOT LIKE 'sqlite_%' ORDER BY name", NULL);
  GString *out = g_string_new (NULL);

  while (sqlite3_step (tables) == SQLITE_ROW)
    {
      const char *table = (const char *) sqlite3_column_text (tables, 0);
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM \"%s\"", table);

      g_string_append_printf (out, "%s=%lld;", table, (long long) query_int (store, sql));
    }
  g_string_append_c (out, '\n');

  for (guint t = 0; t < G_N_ELEMENTS (framework_tables); t++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s ORDER BY 1, 2, 3",
                                              framework_tables[t]);
      g_autoptr(sqlite3_stmt) stmt = _acr_store_prepare (store, sql, NULL);

      g_assert_nonnull (stmt);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int i = 0; i < sqlite3_column_count (stmt); i++)
            {
              const char *text = (const char *) sqlite3_column_text (stmt, i);

              g_string_append_printf (out, "%s|", text ? text : "<null>");
            }
          g_string_append_c (out, '\n');
        }
    }

  return g_string_free (out, FALSE);
}

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "xml", name, NULL);
}

static char *
shipped_path (const char *code)
{
  g_autofree char *name = g_strconcat (code, ".xml", NULL);

  return g_test_build_filename (G_TEST_DIST, "..", "data", "frameworks", name, NULL);
}

static char *
read_file (const char *path,
           gsize      *len)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, len, &error));
  g_assert_no_error (error);
  return contents;
}

static char *
export (AcrFramework *fw)
{
  g_autoptr(GError) error = NULL;
  gsize len = 0;
  char *xml = acr_framework_export_xml (fw, &len, &error);

  g_assert_no_error (error);
  g_assert_nonnull (xml);
  g_assert_cmpuint (len, ==, strlen (xml));
  return xml;
}

static AcrFramework *
import_data (AcrStore   *store,
             const char *xml,
             const char *name)
{
  g_autoptr(GError) error = NULL;
  AcrFramework *fw = acr_framework_import_xml (store, xml, strlen (xml), name, &error);

  g_assert_no_error (error);
  g_assert_nonnull (fw);
  return fw;
}

static const char *
descriptor_in_table (AcrStore    *store,
                     const char  *code,
                     int          level,
                     const char  *dimension,
                     const char  *lang,
                     char       **out)
{
  g_autoptr(sqlite3_stmt) stmt =
    _acr_store_prepare (store,
                        "SELECT d.text FROM framework_descriptor d "
                        "JOIN framework_level l ON l.id = d.level_id "
                        "JOIN framework_dimension m ON m.id = d.dimension_id "
                        "JOIN framework f ON f.id = l.framework_id "
                        "WHERE f.code = ?1 AND l.level = ?2 AND m.code = ?3 AND d.lang = ?4",
                        NULL);

  _acr_bind_text (stmt, 1, code);
  sqlite3_bind_int (stmt, 2, level);
  _acr_bind_text (stmt, 3, dimension);
  _acr_bind_text (stmt, 4, lang);
  *out = sqlite3_step (stmt) == SQLITE_ROW ? _acr_column_dup (stmt, 0) : NULL;
  return *out;
}

/* Each shipped file is schema-valid, complete (8 levels referenced one-to-one, descriptors
 * in German and English for every level and dimension) and canonical: exactly what the
 * export writes for it. */
static void
test_shipped_valid (void)
{
  for (guint f = 0; f < G_N_ELEMENTS (shipped_codes); f++)
    {
      const char *code = shipped_codes[f];
      g_autoptr(GError) error = NULL;
      g_autoptr(AcrStore) store = open_store ();
      g_autofree char *path = shipped_path (code);
      g_autofree char *name = g_path_get_basename (path);
      g_autoptr(xmlDoc) doc = acr_xml_parse_file_untrusted (path, &error);
      g_autoptr(AcrFramework) fw = NULL;
      g_autofree char *contents = NULL;
      g_autofree char *exported = NULL;
      GListModel *dimensions;
      gsize len;

      g_test_message ("%s", path);
      g_assert_no_error (error);
      g_assert_true (acr_xml_check_root (doc, ACR_FRAMEWORK_XML_NS, "framework", name, &error));
      g_assert_true (acr_xml_validate (doc, "framework", name, &error));
      g_assert_no_error (error);

      fw = acr_framework_import_file (store, path, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (acr_framework_get_code (fw), ==, code);
      g_assert_true (acr_framework_get_is_eqf (fw) == g_str_equal (code, "EQF"));
      g_assert_cmpuint (g_list_model_get_n_items (acr_framework_get_levels (fw)), ==, 8);

      dimensions = acr_framework_get_dimensions (fw);
      g_assert_cmpuint (g_list_model_get_n_items (dimensions), >=, 3);
      for (int l = 1; l <= 8; l++)
        {
          AcrFrameworkLevel *level = acr_framework_get_level (fw, l);

          g_assert_nonnull (level);
          g_assert_cmpint (acr_framework_level_get_eqf_level (level), ==, l);
          for (guint d = 0; d < g_list_model_get_n_items (dimensions); d++)
            {
              g_autoptr(AcrFrameworkDimension) dim = g_list_model_get_item (dimensions, d);
              g_autofree char *de = NULL;
              g_autofree char *en = NULL;

              g_assert_nonnull (descriptor_in_table (store, code, l,
                                                     acr_framework_dimension_get_code (dim),
                                                     "de", &de));
              g_assert_nonnull (descriptor_in_table (store, code, l,
                                                     acr_framework_dimension_get_code (dim),
                                                     "en", &en));
              g_assert_cmpstr (de, !=, en);
            }
        }

      contents = read_file (path, &len);
      exported = export (fw);
      g_assert_cmpstr (exported, ==, contents);
    }

  /* A national framework's typical qualifications are there, in both languages. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(AcrStore) store = open_seeded_store ();
    g_autoptr(AcrFramework) dqr = acr_framework_load_by_code (store, "DQR", &error);
    AcrFrameworkLevel *six = acr_framework_get_level (dqr, 6);

    g_assert_no_error (error);
    g_assert_nonnull (strstr (acr_framework_level_get_examples_de (six), "Meister"));
    g_assert_nonnull (acr_framework_level_get_examples_en (six));
  }
}

/* The seed reads the shipped files: what it stores exports as the files. */
static void
test_seed_is_shipped (void)
{
  g_autoptr(AcrStore) store = open_seeded_store ();
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (query_int (store, "SELECT count(*) FROM framework"), ==, 4);
  g_assert_cmpint (query_int (store, "SELECT id FROM framework WHERE is_eqf = 1"), ==, 1);

  for (guint f = 0; f < G_N_ELEMENTS (shipped_codes); f++)
    {
      g_autoptr(AcrFramework) fw = acr_framework_load_by_code (store, shipped_codes[f], &error);
      g_autofree char *path = shipped_path (shipped_codes[f]);
      g_autofree char *contents = NULL;
      g_autofree char *exported = NULL;
      gsize len;

      g_assert_no_error (error);
      contents = read_file (path, &len);
      exported = export (fw);
      g_assert_cmpstr (exported, ==, contents);
    }

  /* Seeding again keeps a framework the user changed. */
  exec_sql (store, "UPDATE framework SET title_en = 'Edited' WHERE code = 'DQR'");
  g_assert_true (acr_seed_frameworks (store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM framework"), ==, 4);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM framework WHERE title_en = 'Edited'"),
                   ==, 1);
}

/* Export → import into a fresh store → export gives the same bytes for each shipped file. */
static void
test_round_trip (void)
{
  g_autoptr(AcrStore) first = open_seeded_store ();

  for (guint f = 0; f < G_N_ELEMENTS (shipped_codes); f++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(AcrFramework) fw = acr_framework_load_by_code (first, shipped_codes[f], &error);
      g_autoptr(AcrStore) second = open_store ();
      g_autoptr(AcrFramework) copy = NULL;
      g_autoptr(AcrFramework) reloaded = NULL;
      g_autofree char *xml = NULL;
      g_autofree char *again = NULL;

      g_assert_no_error (error);
      xml = export (fw);
      copy = import_data (second, xml, "copy.xml");
      reloaded = acr_framework_load (second, acr_framework_get_id (copy), &error);
      g_assert_no_error (error);
      again = export (reloaded);
      g_assert_cmpstr (again, ==, xml);
    }
}

/* A custom sectoral framework: the texts, their languages and the order of the export. */
static void
test_import_custom (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AcrStore) store = open_seeded_store ();
  g_autofree char *path = fixture_path ("framework-sector.xml");
  g_autoptr(AcrFramework) fw = acr_framework_import_file (store, path, &error);
  g_autoptr(AcrFramework) loaded = NULL;
  g_autoptr(AcrFramework) again = NULL;
  g_autoptr(AcrStore) other = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *xml2 = NULL;
  g_autofree char *text = NULL;
  AcrFrameworkDimension *practice;
  AcrFrameworkLevel *level;
  const char *p;

  g_assert_no_error (error);
  g_assert_nonnull (fw);
  g_assert_cmpint (acr_framework_get_id (fw), >, 0);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM framework"), ==, 5);

  loaded = acr_framework_load (store, acr_framework_get_id (fw), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (acr_framework_get_code (loaded), ==, "SEC-IT");
  g_assert_cmpstr (acr_framework_get_version (loaded), ==, "2024.1");
  g_assert_false (acr_framework_get_is_eqf (loaded));
  g_assert_null (acr_framework_get_country (loaded));
  g_assert_cmpstr (acr_framework_get_uri (loaded), ==, "https://example.org/frameworks/sec-it");
  /* Only an English title: it is the German one too; the French one is not kept. */
  g_assert_cmpstr (acr_framework_get_title_en (loaded), ==, "IT security sector framework");
  g_assert_cmpstr (acr_framework_get_title_de (loaded), ==, "IT security sector framework");

  g_assert_cmpuint (g_list_model_get_n_items (acr_framework_get_dimensions (loaded)), ==, 2);
  practice = acr_framework_get_dimension (loaded, "practice");
  g_assert_nonnull (practice);
  g_assert_cmpint (acr_framework_dimension_get_position (practice), ==, 2);
  g_assert_cmpstr (acr_framework_dimension_get_title_de (practice), ==, "Practice");

  /* Levels sorted by number, with their own labels and EQF levels. */
  g_assert_cmpuint (g_list_model_get_n_items (acr_framework_get_levels (loaded)), ==, 3);
  level = acr_framework_get_level (loaded, 1);
  g_assert_cmpstr (acr_framework_level_get_label (level), ==, "Entry");
  g_assert_cmpint (acr_framework_level_get_eqf_level (level), ==, 3);
  g_assert_cmpstr (acr_framework_level_get_descriptor (level, "know-how", "en"), ==,
                   "Knows the basic threats.");
  g_assert_cmpstr (acr_framework_level_get_examples_en (level), ==,
                   "Security awareness certificate");
  g_assert_null (acr_framework_level_get_examples_de (level));
  level = acr_framework_get_level (loaded, 3);
  g_assert_cmpint (acr_framework_level_get_eqf_level (level), ==, 6);
  g_assert_cmpuint (acr_framework_level_get_n_descriptors (level), ==, 4);
  g_assert_cmpstr (descriptor_in_table (store, "SEC-IT", 3, "know-how", "fr", &text), ==,
                   "Connaissances approfondies.");
  g_assert_cmpstr (acr_framework_level_get_descriptor (level, "know-how", "en"), ==,
                   "Deep knowledge of attacks & defences.");

  /* The export: sectoral, no country, dimensions in order, descriptors by dimension and
   * then de, en, others; examples last; special characters escaped. */
  xml = export (loaded);
  g_test_message ("%s", xml);
  g_assert_true (g_str_has_prefix (xml, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                        "<framework xmlns=\"urn:accredit:framework:1\" "
                                        "code=\"SEC-IT\" kind=\"sectoral\" "
                                        "version=\"2024.1\">\n"
                                        "  <title xml:lang=\"de\">"));
  g_assert_null (strstr (xml, "<country>"));
  g_assert_nonnull (strstr (xml, "attacks &amp; defences"));
  p = strstr (xml, "<level number=\"3\" label=\"Expert\">");
  g_assert_nonnull (p);
  g_assert_nonnull (strstr (p,
    "      <descriptor dimension=\"know-how\" xml:lang=\"de\">Vertieftes Wissen über Angriffe "
    "und Abwehr.</descriptor>\n"
    "      <descriptor dimension=\"know-how\" xml:lang=\"en\">Deep knowledge of attacks &amp; "
    "defences.</descriptor>\n"
    "      <descriptor dimension=\"know-how\" xml:lang=\"fr\">Connaissances "
    "approfondies.</descriptor>\n"
    "      <descriptor dimension=\"practice\" xml:lang=\"en\">Designs the security of whole "
    "systems.</descriptor>\n"
    "    </level>\n"));
  g_assert_true (strstr (xml, "number=\"1\"") < strstr (xml, "number=\"2\""));
  g_assert_true (strstr (xml, "number=\"2\"") < strstr (xml, "number=\"3\""));

  /* And it comes back the same in another database. */
  other = open_store ();
  again = import_data (other, xml, "SEC-IT.xml");
  xml2 = export (again);
  g_assert_cmpstr (xml2, ==, xml);
}

/* Special characters, line breaks and non-ASCII survive the way out and in. */
static void
test_export_escaping (void)
{
  static const char *tricky = "A & B < C > D \"quoted\" 'single'\nsecond line\r\nthird — ü ✓";
  g_autoptr(GError) error = NULL;
  g_autoptr(AcrStore) store = open_store ();
  g_autoptr(AcrFramework) fw = acr_framework_new ();
  g_autoptr(AcrFrameworkDimension) dim = acr_framework_dimension_new_full ("k", "W & K",
                                                                          "K < S");
  g_autoptr(AcrFrameworkLevel) level = acr_framework_level_new_full (2, "Zwei \"2\"", 4);
  g_autoptr(AcrFramework) copy = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *again = NULL;
  AcrFrameworkLevel *copied;

  acr_framework_set_code (fw, "ESC");
  acr_framework_set_title_de (fw, "Titel & <Rahmen>");
  acr_framework_set_title_en (fw, "Title & <framework>");
  acr_framework_set_version (fw, "1 \"a\"");
  acr_framework_set_country (fw, "AT");
  acr_framework_add_dimension (fw, dim);
  acr_framework_level_set_descriptor (level, "k", "de", tricky);
  acr_framework_level_set_examples_de (level, "x\ty");
  acr_framework_add_level (fw, level);

  xml = export (fw);
  g_test_message ("%s", xml);
  g_assert_nonnull (strstr (xml, "kind=\"national\""));
  g_assert_nonnull (strstr (xml, "<country>AT</country>"));

  copy = import_data (store, xml, "escape.xml");
  g_assert_cmpstr (acr_framework_get_title_de (copy), ==, "Titel & <Rahmen>");
  g_assert_cmpstr (acr_framework_get_version (copy), ==, "1 \"a\"");
  copied = acr_framework_get_level (copy, 2);
  g_assert_cmpstr (acr_framework_level_get_label (copied), ==, "Zwei \"2\"");
  g_assert_cmpstr (acr_framework_level_get_descriptor (copied, "k", "de"), ==, tricky);
  g_assert_cmpstr (acr_framework_level_get_examples_de (copied), ==, "x\ty");

  again = export (copy);
  g_assert_cmpstr (again, ==, xml);
}

/* What the model allows but the format cannot say is refused with a sentence. */
static void
test_export_refused (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AcrFramework) fw = acr_framework_new ();
  g_autoptr(AcrFrameworkDimension) dim = acr_framework_dimension_new_full ("Know_How", "W",
                                                                          "K");
  g_autoptr(AcrFrameworkLevel) level = acr_framework_level_new_full (1, NULL, 1);
  char *xml;

  acr_framework_set_code (fw, "ODD");
  acr_framework_set_title_de (fw, "T");
  acr_framework_set_title_en (fw, "T");
  acr_framework_set_version (fw, "1");
  acr_framework_add_dimension (fw, dim);
  acr_framework_add_level (fw, level);

  /* A level without any descriptor. */
  g_assert_true (acr_framework_remove_dimension (fw, "Know_How"));
  g_clear_object (&dim);
  dim = acr_framework_dimension_new_full ("know-how", "W", "K");
  acr_framework_add_dimension (fw, dim);
  xml = acr_framework_export_xml (fw, NULL, &error);
  g_assert_null (xml);
  g_assert_error (error, ACR_XML_ERROR, ACR_XML_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "level 1"));
  g_clear_error (&error);

  /* A dimension code the format does not allow. */
  g_clear_object (&dim);
  dim = acr_framework_dimension_new_full ("Know_How", "W", "K");
  acr_framework_add_dimension (fw, dim);
  acr_framework_level_set_descriptor (level, "Know_How", "en", "Text");
  xml = acr_framework_export_xml (fw, NULL, &error);
  g_assert_null (xml);
  g_assert_error (error, ACR_XML_ERROR, ACR_XML_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "“Know_How”"));
  g_clear_error (&error);

  /* An invalid framework is not exported at all. */
  acr_framework_set_code (fw, "bad code");
  xml = acr_framework_export_xml (fw, NULL, &error);
  g_assert_null (xml);
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID);
}

/* Importing a framework whose code exists replaces it in place: same id, modules assigned
 * to its levels stay; dropping a level in use is refused and changes nothing. */
static void
test_import_replace (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AcrStore) store = open_seeded_store ();
  g_autoptr(AcrFramework) dqr = acr_framework_load_by_code (store, "DQR", &error);
  g_autoptr(AcrFramework) replaced = NULL;
  g_autoptr(AcrFramework) refused = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *changed = NULL;
  g_autofree char *dropped = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *created = NULL;
  const char *level4;
  const char *level5;
  g_autoptr(GString) edit = NULL;
  gint64 id;

  g_assert_no_error (error);
  id = acr_framework_get_id (dqr);
  created = g_strdup (acr_framework_get_created_at (dqr));
  sql = g_strdup_printf ("INSERT INTO module (id, code, created_at, updated_at) "
                         "VALUES (1, 'M-1', 'now', 'now');"
                         "INSERT INTO module_level (module_id, framework_id, level) "
                         "VALUES (1, %lld, 4);", (long long) id);
  exec_sql (store, sql);

  /* A new edition: another version and title, a level without its examples. */
  xml = export (dqr);
  edit = g_string_new (xml);
  g_assert_cmpint (g_string_replace (edit, "version=\"2013\"", "version=\"2025\"", 1), ==, 1);
  g_assert_cmpint (g_string_replace (edit, "German Qualifications Framework for Lifelong "
                                     "Learning", "German Qualifications Framework", 1), ==, 1);
  changed = g_strdup (edit->str);

  replaced = import_data (store, changed, "DQR-2025.xml");
  g_assert_cmpint (acr_framework_get_id (replaced), ==, id);
  g_assert_cmpstr (acr_framework_get_created_at (replaced), ==, created);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM framework"), ==, 4);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM module_level"), ==, 1);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM framework WHERE code = 'DQR' AND "
                                     "version = '2025' AND title_en = 'German Qualifications "
                                     "Framework'"), ==, 1);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM framework_level l JOIN framework f "
                                     "ON f.id = l.framework_id WHERE f.code = 'DQR'"), ==, 8);
  g_assert_cmpint (acr_framework_eqf_level_for (store, "DQR", 4, &error), ==, 4);
  g_assert_no_error (error);
  {
    g_autoptr(AcrFramework) reloaded = acr_framework_load (store, id, &error);
    g_autofree char *out = export (reloaded);

    g_assert_no_error (error);
    g_assert_cmpstr (out, ==, changed);
  }

  /* The same document without level 4, to which a module is assigned. */
  level4 = strstr (changed, "    <level number=\"4\"");
  level5 = strstr (changed, "    <level number=\"5\"");
  g_assert_nonnull (level4);
  g_assert_nonnull (level5);
  dropped = g_strdup_printf ("%.*s%s", (int) (level4 - changed), changed, level5);

  before = snapshot (store);
  refused = acr_framework_import_xml (store, dropped, strlen (dropped), "DQR-short.xml", &error);
  g_assert_null (refused);
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_CONSTRAINT);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "DQR-short.xml"));
  g_assert_nonnull (strstr (error->message, "level 4"));
  g_assert_nonnull (strstr (error->message, "1 module"));
  after = snapshot (store);
  g_assert_cmpstr (after, ==, before);
}

typedef struct
{
  const char *fixture;
  GQuark      (*domain) (void);
  int         code;
  const char *needle;   /* in the message besides the file name, or NULL */
} BadDocument;

static const BadDocument bad_documents[] = {
  { "xxe-file.xml", acr_xml_error_quark, ACR_XML_ERROR_DOCTYPE, "DOCTYPE" },
  { "xxe-url.xml", acr_xml_error_quark, ACR_XML_ERROR_DOCTYPE, "DOCTYPE" },
  { "billion-laughs.xml", acr_xml_error_quark, ACR_XML_ERROR_DOCTYPE, "DOCTYPE" },
  { "not-well-formed.xml", acr_xml_error_quark, ACR_XML_ERROR_MALFORMED, "line" },
  { "invalid-utf8.xml", acr_xml_error_quark, ACR_XML_ERROR_MALFORMED, "UTF-8" },
  { "wrong-namespace.xml", acr_xml_error_quark, ACR_XML_ERROR_WRONG_DOCUMENT,
    "urn:example:other" },
  { "schema-violation.xml", acr_xml_error_quark, ACR_XML_ERROR_INVALID, "line 12" },
  { "framework-unknown-dimension.xml", acr_xml_error_quark, ACR_XML_ERROR_INVALID,
    "line 15, element “descriptor”: The descriptor is for the dimension “skills”" },
  { "framework-eqf-misreferenced.xml", acr_xml_error_quark, ACR_XML_ERROR_INVALID,
    "line 17, element “referencedTo”" },
  { "framework-duplicate-descriptor.xml", acr_xml_error_quark, ACR_XML_ERROR_INVALID,
    "line 15, element “descriptor”" },
  { "framework-no-title.xml", acr_xml_error_quark, ACR_XML_ERROR_INVALID,
    "line 2, element “framework”" },
  { "framework-national-no-country.xml", acr_xml_error_quark, ACR_XML_ERROR_INVALID,
    "country" },
  { "framework-bad-lang.xml", acr_xml_error_quark, ACR_XML_ERROR_INVALID, "“German”" },
  { "framework-second-eqf.xml", acr_store_error_quark, ACR_STORE_ERROR_DUPLICATE, "EQF" },
};

static void
test_import_refused (gconstpointer data)
{
  const BadDocument *bad = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(AcrStore) store = open_seeded_store ();
  g_autofree char *path = fixture_path (bad->fixture);
  g_autofree char *before = snapshot (store);
  g_autofree char *after = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(AcrFramework) fw = NULL;
  gsize len;

  /* From a file … */
  fw = acr_framework_import_file (store, path, &error);
  g_assert_null (fw);
  g_test_message ("%s", error->message);
  g_assert_error (error, bad->domain (), bad->code);
  g_assert_nonnull (strstr (error->message, bad->fixture));
  if (bad->needle != NULL)
    g_assert_nonnull (strstr (error->message, bad->needle));
  /* A file named by an entity never reaches the message. */
  g_assert_null (strstr (error->message, "root:"));
  g_clear_error (&error);
  after = snapshot (store);
  g_assert_cmpstr (after, ==, before);
  g_clear_pointer (&after, g_free);

  /* … and from memory. */
  contents = read_file (path, &len);
  fw = acr_framework_import_xml (store, contents, len, "memory.xml", &error);
  g_assert_null (fw);
  g_assert_error (error, bad->domain (), bad->code);
  g_assert_nonnull (strstr (error->message, "memory.xml"));
  g_clear_error (&error);
  after = snapshot (store);
  g_assert_cmpstr (after, ==, before);

  /* Reading alone refuses it too (but for the second EQF, which only the store knows). */
  if (bad->domain () == ACR_XML_ERROR)
    {
      fw = acr_framework_new_from_xml (contents, len, "memory.xml", &error);
      g_assert_null (fw);
      g_assert_error (error, bad->domain (), bad->code);
    }
}

static void
test_import_missing_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AcrStore) store = open_seeded_store ();
  g_autofree char *before = snapshot (store);
  g_autofree char *after = NULL;
  g_autoptr(AcrFramework) fw = acr_framework_import_file (store, "/nonexistent/none.xml",
                                                          &error);

  g_assert_null (fw);
  g_assert_error (error, ACR_XML_ERROR, ACR_XML_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "none.xml"));
  after = snapshot (store);
  g_assert_cmpstr (after, ==, before);
}

/* A model rule the schema does not know (an http(s) URI) is refused with the file's name. */
static void
test_import_model_rule (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AcrStore) store = open_seeded_store ();
  g_autofree char *path = fixture_path ("framework-valid.xml");
  g_autofree char *contents = NULL;
  g_autofree char *before = snapshot (store);
  g_autofree char *after = NULL;
  g_autoptr(GString) edit = NULL;
  g_autoptr(AcrFramework) fw = NULL;
  gsize len;

  contents = read_file (path, &len);
  edit = g_string_new (contents);
  g_string_replace (edit, "  <dimensions>", "  <uri>urn:example:sector</uri>\n  <dimensions>", 1);
  fw = acr_framework_import_xml (store, edit->str, edit->len, "uri.xml", &error);
  g_assert_null (fw);
  g_assert_error (error, ACR_XML_ERROR, ACR_XML_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "uri.xml"));
  g_assert_nonnull (strstr (error->message, "urn:example:sector"));
  after = snapshot (store);
  g_assert_cmpstr (after, ==, before);

  /* The fixture itself is fine. */
  g_clear_error (&error);
  g_clear_object (&fw);
  fw = acr_framework_import_file (store, path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (acr_framework_get_code (fw), ==, "SEC");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/framework-xml/shipped/valid", test_shipped_valid);
  g_test_add_func ("/framework-xml/shipped/seed", test_seed_is_shipped);
  g_test_add_func ("/framework-xml/shipped/round-trip", test_round_trip);
  g_test_add_func ("/framework-xml/import/custom", test_import_custom);
  g_test_add_func ("/framework-xml/import/replace", test_import_replace);
  g_test_add_func ("/framework-xml/import/missing-file", test_import_missing_file);
  g_test_add_func ("/framework-xml/import/model-rule", test_import_model_rule);
  g_test_add_func ("/framework-xml/export/escaping", test_export_escaping);
  g_test_add_func ("/framework-xml/export/refused", test_export_refused);

  for (guint i = 0; i < G_N_ELEMENTS (bad_documents); i++)
    {
      g_autofree char *name = g_strdup_printf ("/framework-xml/refused/%s",
                                               bad_documents[i].fixture);

      g_test_add_data_func (name, &bad_documents[i], test_import_refused);
    }

  return g_test_run ();
}
