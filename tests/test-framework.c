/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <sqlite3.h>

#include "acr-core.h"
#include "acr-store-private.h"

static const char * const framework_tables[] = {
  "framework", "framework_dimension", "framework_level", "framework_descriptor", NULL
};

/* Every row of the framework tables, every column, as one string: to prove a failure
 * changed nothing. */
static char *
dump_frameworks (AcrStore *store)
{
  GString *out = g_string_new (NULL);

  for (guint t = 0; framework_tables[t] != NULL; t++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s ORDER BY 1, 2, 3",
                                              framework_tables[t]);
      g_autoptr(sqlite3_stmt) stmt = _acr_store_prepare (store, sql, NULL);

      g_assert_nonnull (stmt);
      g_string_append_printf (out, "[%s]\n", framework_tables[t]);
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

static int
count_rows (AcrStore   *store,
            const char *sql)
{
  g_autoptr(sqlite3_stmt) stmt = _acr_store_prepare (store, sql, NULL);

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int (stmt, 0);
}

static AcrStore *
open_store (void)
{
  g_autoptr(GError) error = NULL;
  AcrStore *store = acr_store_open (":memory:", &error);

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

static const char * const roman[] = { NULL, "I", "II", "III", "IV", "V", "VI", "VII", "VIII" };

/* A DQR-like framework: two dimensions, levels 1–8 with German and English descriptors. */
static AcrFramework *
make_framework (const char *code)
{
  AcrFramework *fw = acr_framework_new ();
  g_autoptr(AcrFrameworkDimension) knowledge = acr_framework_dimension_new_full ("knowledge",
                                                                               "Wissen",
                                                                               "Knowledge");
  g_autoptr(AcrFrameworkDimension) skills = acr_framework_dimension_new ();

  acr_framework_set_code (fw, code);
  acr_framework_set_title_de (fw, "Deutscher Qualifikationsrahmen");
  acr_framework_set_title_en (fw, "German Qualifications Framework");
  acr_framework_set_country (fw, "de");
  acr_framework_set_version (fw, "2013");
  acr_framework_set_uri (fw, "http://data.europa.eu/esco/qdr/QF/DE");

  acr_framework_dimension_set_code (skills, "skills");
  acr_framework_dimension_set_title_de (skills, "Fertigkeiten");
  acr_framework_dimension_set_title_en (skills, "Skills");
  acr_framework_add_dimension (fw, knowledge);
  acr_framework_add_dimension (fw, skills);

  /* Added out of order: the framework keeps them sorted. */
  for (int i = 8; i >= 1; i--)
    {
      g_autoptr(AcrFrameworkLevel) level = acr_framework_level_new_full (i, roman[i], i);
      g_autofree char *kde = g_strdup_printf ("Wissen auf Niveau %d", i);
      g_autofree char *ken = g_strdup_printf ("Knowledge at level %d", i);
      g_autofree char *sde = g_strdup_printf ("Fertigkeiten auf Niveau %d", i);
      g_autofree char *sen = g_strdup_printf ("Skills at level %d", i);
      g_autofree char *ex_de = g_strdup_printf ("Beispiele %d", i);

      acr_framework_level_set_descriptor (level, "knowledge", "de", kde);
      acr_framework_level_set_descriptor (level, "knowledge", "en", ken);
      acr_framework_level_set_descriptor (level, "skills", "de", sde);
      acr_framework_level_set_descriptor (level, "skills", "en", sen);
      acr_framework_level_set_examples_de (level, ex_de);
      if (i == 6)
        acr_framework_level_set_examples_en (level, "Bachelor, Master craftsperson");
      acr_framework_add_level (fw, level);
    }

  return fw;
}

static void
append_descriptor_cb (const char *dimension_code,
                      const char *lang,
                      const char *text,
                      gpointer    user_data)
{
  g_string_append_printf (user_data, "%s/%s=%s;", dimension_code, lang, text);
}

static char *
describe_framework (AcrFramework *fw)
{
  GString *out = g_string_new (NULL);
  GListModel *dims = acr_framework_get_dimensions (fw);
  GListModel *levels = acr_framework_get_levels (fw);

  g_string_append_printf (out, "%s|%s|%s|%s|%s|%s|%d\n",
                          acr_framework_get_code (fw), acr_framework_get_title_de (fw),
                          acr_framework_get_title_en (fw), acr_framework_get_country (fw),
                          acr_framework_get_version (fw), acr_framework_get_uri (fw),
                          acr_framework_get_is_eqf (fw));

  for (guint i = 0; i < g_list_model_get_n_items (dims); i++)
    {
      g_autoptr(AcrFrameworkDimension) dim = g_list_model_get_item (dims, i);

      g_string_append_printf (out, "dim %s|%d|%s|%s\n",
                              acr_framework_dimension_get_code (dim),
                              acr_framework_dimension_get_position (dim),
                              acr_framework_dimension_get_title_de (dim),
                              acr_framework_dimension_get_title_en (dim));
    }

  for (guint i = 0; i < g_list_model_get_n_items (levels); i++)
    {
      g_autoptr(AcrFrameworkLevel) level = g_list_model_get_item (levels, i);

      g_string_append_printf (out, "level %d|%s|%d|%s|%s|",
                              acr_framework_level_get_level (level),
                              acr_framework_level_get_label (level),
                              acr_framework_level_get_eqf_level (level),
                              acr_framework_level_get_examples_de (level),
                              acr_framework_level_get_examples_en (level));
      acr_framework_level_foreach_descriptor (level, append_descriptor_cb, out);
      g_string_append_c (out, '\n');
    }

  return g_string_free (out, FALSE);
}

static void
test_framework_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AcrStore) store = open_store ();
  g_autoptr(AcrFramework) fw = make_framework ("DQR");
  g_autoptr(AcrFramework) loaded = NULL;
  g_autoptr(AcrFramework) by_code = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *actual = NULL;
  g_autofree char *actual2 = NULL;
  AcrFrameworkLevel *level;
  AcrFrameworkDimension *dim;
  gboolean is_eqf = TRUE;

  g_assert_cmpstr (acr_framework_get_country (fw), ==, "DE");
  g_assert_cmpuint (g_list_model_get_n_items (acr_framework_get_levels (fw)), ==, 8);
  level = acr_framework_get_level (fw, 1);
  g_assert_nonnull (level);
  g_assert_cmpint (acr_framework_level_get_level (level), ==, 1);
  g_assert_null (acr_framework_get_level (fw, 9));
  g_assert_cmpuint (acr_framework_level_get_n_descriptors (level), ==, 4);

  g_assert_true (acr_framework_save (fw, store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (acr_framework_get_id (fw), >, 0);
  g_assert_nonnull (acr_framework_get_created_at (fw));
  g_assert_cmpstr (acr_framework_get_created_at (fw), ==, acr_framework_get_updated_at (fw));
  /* Children got their ids. */
  g_assert_cmpint (acr_framework_level_get_id (acr_framework_get_level (fw, 4)), >, 0);
  g_assert_cmpint (acr_framework_dimension_get_id (acr_framework_get_dimension (fw, "skills")),
                   >, 0);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM framework_descriptor"), ==, 32);

  loaded = acr_framework_load (store, acr_framework_get_id (fw), &error);
  g_assert_no_error (error);
  expected = describe_framework (fw);
  actual = describe_framework (loaded);
  g_assert_cmpstr (actual, ==, expected);
  g_assert_cmpstr (acr_framework_get_created_at (loaded), ==, acr_framework_get_created_at (fw));
  g_assert_cmpstr (acr_framework_get_updated_at (loaded), ==, acr_framework_get_updated_at (fw));
  g_object_get (loaded, "is-eqf", &is_eqf, NULL);
  g_assert_false (is_eqf);

  /* Spot checks of what the description covers. */
  level = acr_framework_get_level (loaded, 6);
  g_assert_cmpstr (acr_framework_level_get_label (level), ==, "VI");
  g_assert_cmpint (acr_framework_level_get_eqf_level (level), ==, 6);
  g_assert_cmpstr (acr_framework_level_get_examples_en (level), ==,
                   "Bachelor, Master craftsperson");
  g_assert_cmpstr (acr_framework_level_get_descriptor (level, "skills", "de"), ==,
                   "Fertigkeiten auf Niveau 6");
  g_assert_cmpstr (acr_framework_level_get_descriptor (level, "skills", "en"), ==,
                   "Skills at level 6");
  dim = acr_framework_get_dimension (loaded, "knowledge");
  g_assert_cmpint (acr_framework_dimension_get_position (dim), ==, 1);
  g_assert_cmpstr (acr_framework_dimension_get_title_de (dim), ==, "Wissen");

  /* Lookup by code ignores case. */
  by_code = acr_framework_load_by_code (store, "dqr", &error);
  g_assert_no_error (error);
  actual2 = describe_framework (by_code);
  g_assert_cmpstr (actual2, ==, expected);
}

static void
test_framework_descriptor_fallback (void)
{
  g_autoptr(AcrFrameworkLevel) level = acr_framework_level_new_full (3, NULL, 3);

  g_assert_null (acr_framework_level_get_descriptor (level, "knowledge", "de"));
  acr_framework_level_set_descriptor (level, "knowledge", "de", "Wissen");
  g_assert_cmpstr (acr_framework_level_get_descriptor (level, "knowledge", "fr"), ==, "Wissen");
  acr_framework_level_set_descriptor (level, "knowledge", "en", "Knowledge");
  g_assert_cmpstr (acr_framework_level_get_descriptor (level, "knowledge", "fr"), ==,
                   "Knowledge");
  g_assert_cmpstr (acr_framework_level_get_descriptor (level, "knowledge", NULL), ==,
                   "Knowledge");
  g_assert_cmpstr (acr_framework_level_get_descriptor (level, "knowledge", "de"), ==, "Wissen");
  acr_framework_level_set_descriptor (level, "knowledge", "fr", "Savoirs");
  g_assert_cmpstr (acr_framework_level_get_descriptor (level, "knowledge", "fr"), ==, "Savoirs");
  g_assert_null (acr_framework_level_get_descriptor (level, "skills", "de"));
  g_assert_cmpuint (acr_framework_level_get_n_descriptors (level), ==, 3);

  /* Replacing and removing ("" or NULL). */
  acr_framework_level_set_descriptor (level, "knowledge", "de", "Fachwissen");
  g_assert_cmpstr (acr_framework_level_get_descriptor (level, "knowledge", "de"), ==,
                   "Fachwissen");
  acr_framework_level_set_descriptor (level, "knowledge", "en", "");
  acr_framework_level_set_descriptor (level, "knowledge", "fr", NULL);
  g_assert_cmpstr (acr_framework_level_get_descriptor (level, "knowledge", "fr"), ==,
                   "Fachwissen");
  g_assert_cmpuint (acr_framework_level_get_n_descriptors (level), ==, 1);
}

static void
test_framework_update_children (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AcrStore) store = open_store ();
  g_autoptr(AcrFramework) fw = make_framework ("NQR-AT");
  g_autoptr(AcrFramework) loaded = NULL;
  g_autoptr(AcrFrameworkDimension) autonomy = acr_framework_dimension_new_full ("autonomy",
                                                                              "Selbständigkeit",
                                                                              "Autonomy");
  g_autoptr(AcrFrameworkDimension) first = acr_framework_dimension_new_full ("first", "Erste",
                                                                           "First");
  g_autofree char *created_at = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *actual = NULL;
  AcrFrameworkLevel *level;

  g_assert_true (acr_framework_save (fw, store, &error));
  g_assert_no_error (error);
  created_at = g_strdup (acr_framework_get_created_at (fw));

  /* Remove a dimension (and its descriptors), add two more, drop a level, relabel. */
  g_assert_true (acr_framework_remove_dimension (fw, "skills"));
  g_assert_false (acr_framework_remove_dimension (fw, "skills"));
  acr_framework_add_dimension (fw, autonomy);
  acr_framework_dimension_set_position (first, 1);
  acr_framework_add_dimension (fw, first);
  g_assert_true (acr_framework_remove_level (fw, 8));
  g_assert_false (acr_framework_remove_level (fw, 8));
  level = acr_framework_get_level (fw, 2);
  acr_framework_level_set_label (level, NULL);
  acr_framework_level_set_descriptor (level, "autonomy", "de", "Unter Anleitung");
  acr_framework_set_title_en (fw, "Austrian NQF");
  acr_framework_set_uri (fw, "");
  acr_framework_set_country (fw, NULL);

  g_assert_true (acr_framework_save (fw, store, &error));
  g_assert_no_error (error);
  /* Saving numbers the dimensions in list order and fills in the missing label. */
  g_assert_cmpint (acr_framework_dimension_get_position (first), ==, 1);
  g_assert_cmpint (acr_framework_dimension_get_position (autonomy), ==, 3);
  g_assert_cmpstr (acr_framework_level_get_label (level), ==, "2");

  loaded = acr_framework_load (store, acr_framework_get_id (fw), &error);
  g_assert_no_error (error);
  expected = describe_framework (fw);
  actual = describe_framework (loaded);
  g_assert_cmpstr (actual, ==, expected);
  g_assert_cmpstr (acr_framework_get_created_at (loaded), ==, created_at);
  g_assert_null (acr_framework_get_uri (loaded));
  g_assert_null (acr_framework_get_country (loaded));
  g_assert_cmpuint (g_list_model_get_n_items (acr_framework_get_levels (loaded)), ==, 7);
  g_assert_null (acr_framework_level_get_descriptor (acr_framework_get_level (loaded, 3),
                                                     "skills", "en"));
  /* No orphans of the old children. */
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM framework_dimension"), ==, 3);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM framework_level"), ==, 7);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM framework_descriptor"), ==, 15);
}

typedef void (*Breaker) (AcrFramework *fw);

static void
break_code_lowercase (AcrFramework *fw)
{
  acr_framework_set_code (fw, "dqr");
}

static void
break_code_long (AcrFramework *fw)
{
  acr_framework_set_code (fw, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456");
}

static void
break_code_space (AcrFramework *fw)
{
  acr_framework_set_code (fw, "NQR AT");
}

static void
break_code_missing (AcrFramework *fw)
{
  acr_framework_set_code (fw, NULL);
}

static void
break_title_de (AcrFramework *fw)
{
  acr_framework_set_title_de (fw, "  ");
}

static void
break_title_en (AcrFramework *fw)
{
  acr_framework_set_title_en (fw, NULL);
}

static void
break_version (AcrFramework *fw)
{
  acr_framework_set_version (fw, "");
}

static void
break_country (AcrFramework *fw)
{
  acr_framework_set_country (fw, "Germany");
}

static void
break_uri (AcrFramework *fw)
{
  acr_framework_set_uri (fw, "www.dqr.de");
}

static void
break_level_9 (AcrFramework *fw)
{
  acr_framework_level_set_level (acr_framework_get_level (fw, 8), 9);
}

static void
break_level_0 (AcrFramework *fw)
{
  g_object_set (acr_framework_get_level (fw, 1), "level", -1, NULL);
}

static void
break_level_twice (AcrFramework *fw)
{
  g_autoptr(AcrFrameworkLevel) level = acr_framework_level_new_full (4, "4b", 4);

  acr_framework_add_level (fw, level);
}

static void
break_eqf_missing (AcrFramework *fw)
{
  acr_framework_level_set_eqf_level (acr_framework_get_level (fw, 5), 0);
}

static void
break_eqf_range (AcrFramework *fw)
{
  acr_framework_level_set_eqf_level (acr_framework_get_level (fw, 5), 9);
}

static void
break_eqf_self (AcrFramework *fw)
{
  acr_framework_set_is_eqf (fw, TRUE);
  acr_framework_level_set_eqf_level (acr_framework_get_level (fw, 5), 4);
}

static void
break_descriptor_dimension (AcrFramework *fw)
{
  acr_framework_level_set_descriptor (acr_framework_get_level (fw, 2), "competence", "de",
                                      "Kompetenz");
}

static void
break_descriptor_lang (AcrFramework *fw)
{
  acr_framework_level_set_descriptor (acr_framework_get_level (fw, 2), "skills", "German",
                                      "Fertigkeiten");
}

static void
break_dimension_twice (AcrFramework *fw)
{
  g_autoptr(AcrFrameworkDimension) dim = acr_framework_dimension_new_full ("skills", "F", "S");

  acr_framework_add_dimension (fw, dim);
}

static void
break_dimension_code (AcrFramework *fw)
{
  acr_framework_dimension_set_code (acr_framework_get_dimension (fw, "skills"), "soft skills");
}

static void
break_dimension_title (AcrFramework *fw)
{
  acr_framework_dimension_set_title_en (acr_framework_get_dimension (fw, "skills"), "");
}

static const struct
{
  const char *name;
  Breaker     breaker;
  const char *fragment;
} invalid_cases[] = {
  { "code-lowercase", break_code_lowercase, "“dqr”" },
  { "code-long", break_code_long, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456" },
  { "code-space", break_code_space, "“NQR AT”" },
  { "code-missing", break_code_missing, "code" },
  { "title-de", break_title_de, "German title" },
  { "title-en", break_title_en, "English title" },
  { "version", break_version, "version" },
  { "country", break_country, "“Germany”" },
  { "uri", break_uri, "www.dqr.de" },
  { "level-9", break_level_9, "level 9" },
  { "level-negative", break_level_0, "level -1" },
  { "level-twice", break_level_twice, "level 4 twice" },
  { "eqf-missing", break_eqf_missing, "not referenced" },
  { "eqf-range", break_eqf_range, "EQF level 9" },
  { "eqf-self", break_eqf_self, "EQF level 4" },
  { "descriptor-dimension", break_descriptor_dimension, "“competence”" },
  { "descriptor-lang", break_descriptor_lang, "“German”" },
  { "dimension-twice", break_dimension_twice, "two dimensions" },
  { "dimension-code", break_dimension_code, "“soft skills”" },
  { "dimension-title", break_dimension_title, "English title" },
};

static void
test_framework_invalid (gconstpointer data)
{
  guint index = GPOINTER_TO_UINT (data);
  g_autoptr(GError) error = NULL;
  g_autoptr(AcrStore) store = open_store ();
  g_autoptr(AcrFramework) saved = make_framework ("DQR");
  g_autoptr(AcrFramework) fw = make_framework ("DQR");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  /* On insert: nothing is written. */
  invalid_cases[index].breaker (fw);
  before = dump_frameworks (store);
  g_assert_false (acr_framework_validate (fw, &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (acr_framework_save (fw, store, &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID);
  if (strstr (error->message, invalid_cases[index].fragment) == NULL)
    g_error ("“%s” not in “%s”", invalid_cases[index].fragment, error->message);
  g_clear_error (&error);
  g_assert_cmpint (acr_framework_get_id (fw), ==, 0);
  after = dump_frameworks (store);
  g_assert_cmpstr (before, ==, after);

  /* On update: the saved framework stays as it was. */
  g_assert_true (acr_framework_save (saved, store, &error));
  g_assert_no_error (error);
  g_clear_pointer (&before, g_free);
  g_clear_pointer (&after, g_free);
  before = dump_frameworks (store);
  invalid_cases[index].breaker (saved);
  g_assert_false (acr_framework_save (saved, store, &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID);
  after = dump_frameworks (store);
  g_assert_cmpstr (before, ==, after);
}

static void
test_framework_duplicate (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AcrStore) store = open_store ();
  g_autoptr(AcrFramework) first = make_framework ("DQR");
  g_autoptr(AcrFramework) second = make_framework ("DQR");
  g_autoptr(AcrFramework) other = make_framework ("NQR-AT");
  g_autoptr(AcrFramework) eqf = make_framework ("EQF");
  g_autoptr(AcrFramework) eqf2 = make_framework ("EQF2");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_true (acr_framework_save (first, store, &error));
  g_assert_true (acr_framework_save (other, store, &error));
  acr_framework_set_is_eqf (eqf, TRUE);
  acr_framework_set_country (eqf, NULL);
  g_assert_true (acr_framework_save (eqf, store, &error));
  g_assert_no_error (error);
  before = dump_frameworks (store);

  g_assert_false (acr_framework_save (second, store, &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, "“DQR”"));
  g_assert_cmpint (acr_framework_get_id (second), ==, 0);
  g_assert_cmpint (acr_framework_level_get_id (acr_framework_get_level (second, 1)), ==, 0);
  g_clear_error (&error);

  /* Renaming onto a taken code. */
  acr_framework_set_code (other, "DQR");
  g_assert_false (acr_framework_save (other, store, &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_DUPLICATE);
  g_clear_error (&error);

  /* A second EQF. */
  acr_framework_set_is_eqf (eqf2, TRUE);
  g_assert_false (acr_framework_save (eqf2, store, &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, "“EQF”"));
  g_clear_error (&error);

  after = dump_frameworks (store);
  g_assert_cmpstr (before, ==, after);

  /* The EQF itself may be saved again. */
  acr_framework_set_version (eqf, "2017");
  g_assert_true (acr_framework_save (eqf, store, &error));
  g_assert_no_error (error);
}

static void
test_framework_referenced (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AcrStore) store = open_store ();
  g_autoptr(AcrFramework) fw = make_framework ("DQR");
  g_autoptr(AcrFramework) gone = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *sql = NULL;
  gint64 id;

  g_assert_true (acr_framework_save (fw, store, &error));
  g_assert_no_error (error);
  id = acr_framework_get_id (fw);

  sql = g_strdup_printf ("INSERT INTO module (id, code, created_at, updated_at) "
                         "VALUES (1, 'M-1', 'now', 'now'), (2, 'M-2', 'now', 'now');"
                         "INSERT INTO module_level (module_id, framework_id, level) "
                         "VALUES (1, %" G_GINT64_FORMAT ", 4), (2, %" G_GINT64_FORMAT ", 4);",
                         id, id);
  exec_sql (store, sql);
  before = dump_frameworks (store);

  /* Removing a level that modules use is refused; other changes then do not happen. */
  g_assert_true (acr_framework_remove_level (fw, 4));
  acr_framework_set_title_en (fw, "Changed");
  g_assert_false (acr_framework_save (fw, store, &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, "level 4"));
  g_assert_nonnull (strstr (error->message, "2 modules"));
  g_clear_error (&error);
  after = dump_frameworks (store);
  g_assert_cmpstr (before, ==, after);

  /* Removing an unused level is fine. */
  {
    g_autoptr(AcrFrameworkLevel) four = acr_framework_level_new_full (4, "IV", 4);

    acr_framework_add_level (fw, four);
    g_assert_true (acr_framework_remove_level (fw, 7));
    g_assert_true (acr_framework_save (fw, store, &error));
    g_assert_no_error (error);
  }

  /* Deleting the framework is refused while modules are assigned to it. */
  g_clear_pointer (&before, g_free);
  g_clear_pointer (&after, g_free);
  before = dump_frameworks (store);
  g_assert_false (acr_framework_delete (store, id, &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, "“DQR”"));
  g_assert_nonnull (strstr (error->message, "2 modules"));
  g_clear_error (&error);
  after = dump_frameworks (store);
  g_assert_cmpstr (before, ==, after);

  exec_sql (store, "DELETE FROM module_level");
  g_assert_true (acr_framework_delete (store, id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM framework_level"), ==, 0);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM framework_dimension"), ==, 0);
  g_assert_cmpint (count_rows (store, "SELECT count(*) FROM framework_descriptor"), ==, 0);

  gone = acr_framework_load (store, id, &error);
  g_assert_null (gone);
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_false (acr_framework_delete (store, id, &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_false (acr_framework_save (fw, store, &error));
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_NOT_FOUND);
}

static void
test_framework_eqf_level_for (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AcrStore) store = open_store ();
  g_autoptr(AcrFramework) dqr = make_framework ("DQR");
  g_autoptr(AcrFramework) odd = make_framework ("ODD");
  g_autoptr(AcrFramework) empty = acr_framework_new ();
  g_autoptr(AcrFramework) missing = NULL;

  /* An odd national framework: its level 5 is referenced to EQF level 4. */
  acr_framework_level_set_eqf_level (acr_framework_get_level (dqr, 5), 4);
  acr_framework_remove_level (odd, 3);
  acr_framework_remove_level (odd, 8);
  acr_framework_set_code (empty, "EMPTY");
  acr_framework_set_title_de (empty, "Leer");
  acr_framework_set_title_en (empty, "Empty");
  g_assert_true (acr_framework_save (dqr, store, &error));
  g_assert_true (acr_framework_save (odd, store, &error));
  g_assert_true (acr_framework_save (empty, store, &error));
  g_assert_no_error (error);

  g_assert_cmpint (acr_framework_eqf_level_for (store, "DQR", 4, &error), ==, 4);
  g_assert_cmpint (acr_framework_eqf_level_for (store, "DQR", 5, &error), ==, 4);
  g_assert_cmpint (acr_framework_eqf_level_for (store, "dqr", 8, &error), ==, 8);
  g_assert_no_error (error);

  g_assert_cmpint (acr_framework_eqf_level_for (store, "DQR", 9, &error), ==, 0);
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "The framework “DQR” has no level 9. Its levels are 1 to 8.");
  g_clear_error (&error);

  g_assert_cmpint (acr_framework_eqf_level_for (store, "ODD", 3, &error), ==, 0);
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==,
                   "The framework “ODD” has no level 3. Its levels are 1, 2, 4, 5, 6, 7.");
  g_clear_error (&error);

  g_assert_cmpint (acr_framework_eqf_level_for (store, "EMPTY", 1, &error), ==, 0);
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_cmpint (acr_framework_eqf_level_for (store, "QF-XX", 1, &error), ==, 0);
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "“QF-XX”"));
  g_clear_error (&error);

  missing = acr_framework_load_by_code (store, "QF-XX", &error);
  g_assert_null (missing);
  g_assert_error (error, ACR_STORE_ERROR, ACR_STORE_ERROR_NOT_FOUND);
}

static const char *
item_code (GListModel *model,
           guint       position)
{
  g_autoptr(AcrFramework) fw = g_list_model_get_item (model, position);

  g_assert_nonnull (fw);
  /* The list's cached page keeps the item alive. */
  return acr_framework_get_code (fw);
}

static guint
count (AcrStore   *store,
       const char *search)
{
  g_autoptr(AcrPagedList) list = acr_framework_list (store, search);

  return g_list_model_get_n_items (G_LIST_MODEL (list));
}

static void
test_framework_list (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AcrStore) store = open_store ();
  g_autoptr(AcrFramework) eqf = make_framework ("EQF");
  g_autoptr(AcrFramework) dqr = make_framework ("DQR");
  g_autoptr(AcrPagedList) all = NULL;
  g_autoptr(AcrPagedList) found = NULL;
  g_autoptr(AcrFramework) first = NULL;
  GListModel *model;

  acr_framework_set_is_eqf (eqf, TRUE);
  acr_framework_set_country (eqf, NULL);
  acr_framework_set_title_de (eqf, "Europäischer Qualifikationsrahmen");
  acr_framework_set_title_en (eqf, "European Qualifications Framework");

  g_assert_true (acr_store_begin (store, &error));
  g_assert_true (acr_framework_save (dqr, store, &error));
  g_assert_true (acr_framework_save (eqf, store, &error));
  for (guint i = 0; i < 200; i++)
    {
      g_autoptr(AcrFramework) fw = acr_framework_new ();
      g_autofree char *code = g_strdup_printf ("C-%03u", i);
      g_autofree char *title = g_strdup_printf ("Custom framework %u", i);

      acr_framework_set_code (fw, code);
      acr_framework_set_title_de (fw, title);
      acr_framework_set_title_en (fw, title);
      acr_framework_set_country (fw, i % 2 ? "CH" : "AT");
      g_assert_true (acr_framework_save (fw, store, &error));
    }
  g_assert_true (acr_store_commit (store, &error));
  g_assert_no_error (error);

  all = acr_framework_list (store, NULL);
  model = G_LIST_MODEL (all);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 202);
  g_assert_cmpstr (item_code (model, 0), ==, "EQF");
  g_assert_cmpstr (item_code (model, 1), ==, "C-000");
  g_assert_cmpstr (item_code (model, 200), ==, "C-199");
  g_assert_cmpstr (item_code (model, 201), ==, "DQR");
  g_assert_null (g_list_model_get_item (model, 202));
  g_assert_cmpuint (acr_paged_list_get_pages_read (all), ==, 2);

  /* List items carry their children. */
  first = g_list_model_get_item (model, 0);
  g_assert_cmpuint (g_list_model_get_n_items (acr_framework_get_levels (first)), ==, 8);
  g_assert_cmpstr (acr_framework_level_get_descriptor (acr_framework_get_level (first, 2),
                                                       "knowledge", "de"), ==,
                   "Wissen auf Niveau 2");

  found = acr_framework_list (store, "europäischer");
  /* LIKE folds ASCII only: "ä" must match as written. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (found)), ==, 1);
  g_assert_cmpuint (count (store, "EUROPEAN"), ==, 1);
  g_assert_cmpuint (count (store, "dqr"), ==, 1);
  g_assert_cmpuint (count (store, "c-1"), ==, 100);
  /* 100 in "CH", and the titles "Deutscher …", "Europäischer …". */
  g_assert_cmpuint (count (store, "ch"), ==, 102);
  g_assert_cmpuint (count (store, "framework 19"), ==, 11);
  g_assert_cmpuint (count (store, "_"), ==, 0);
  g_assert_cmpuint (count (store, ""), ==, 202);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/framework/round-trip", test_framework_round_trip);
  g_test_add_func ("/framework/descriptor-fallback", test_framework_descriptor_fallback);
  g_test_add_func ("/framework/update-children", test_framework_update_children);
  for (guint i = 0; i < G_N_ELEMENTS (invalid_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/framework/invalid/%s", invalid_cases[i].name);

      g_test_add_data_func (path, GUINT_TO_POINTER (i), test_framework_invalid);
    }
  g_test_add_func ("/framework/duplicate", test_framework_duplicate);
  g_test_add_func ("/framework/referenced", test_framework_referenced);
  g_test_add_func ("/framework/eqf-level-for", test_framework_eqf_level_for);
  g_test_add_func ("/framework/list", test_framework_list);

  return g_test_run ();
}
