/* SPDX-License-Identifier: GPL-3.0-or-later */

/* End-to-end tests of accredit-cli: the real program (path in $ACCREDIT_CLI) is run on a
 * database in a temporary folder, and its exit status, standard output (JSON parsed with
 * json-glib) and error messages are checked as a script would see them. */

#include "config.h"

#include <string.h>
#include <sys/wait.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "acr-core.h"
#include "acr-credential-private.h"

typedef struct
{
  char *dir;
  char *db;
  char *out;
  char *err;
} Fixture;

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_remove (path);
      return;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      remove_tree (child);
    }
  g_rmdir (path);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = g_dir_make_tmp ("acr-test-cli-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
  f->db = g_build_filename (f->dir, "accredit.db", NULL);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->db);
  g_free (f->out);
  g_free (f->err);
}

/* Runs "accredit-cli --db DB ARGS…" in the fixture's folder; returns the exit status and
 * keeps stdout and stderr in f->out and f->err. */
static int
run_cli_v (Fixture     *f,
           const char  *db,
           const char  *first,
           va_list      args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  const char *cli = g_getenv ("ACCREDIT_CLI");
  const char *arg;
  int wait_status = 0;

  g_assert_nonnull (cli);
  g_clear_pointer (&f->out, g_free);
  g_clear_pointer (&f->err, g_free);

  /* The user's database or settings must never be touched. Without @db, the database is
   * given in $ACCREDIT_DB. */
  envp = g_environ_setenv (envp, "ACCREDIT_DB", f->db, TRUE);
  envp = g_environ_setenv (envp, "XDG_DATA_HOME", f->dir, TRUE);

  g_ptr_array_add (argv, (char *) cli);
  if (db != NULL)
    {
      g_ptr_array_add (argv, "--db");
      g_ptr_array_add (argv, (char *) db);
    }
  for (arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (f->dir, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &f->out, &f->err, &wait_status, &error);
  g_assert_no_error (error);

  g_test_message ("accredit-cli %s … → %d\nstdout: %s\nstderr: %s", first,
                  WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1, f->out, f->err);
  g_assert_true (WIFEXITED (wait_status));
  return WEXITSTATUS (wait_status);
}

static int G_GNUC_NULL_TERMINATED
run_cli (Fixture    *f,
         const char *first,
         ...)
{
  va_list args;
  int status;

  va_start (args, first);
  status = run_cli_v (f, f->db, first, args);
  va_end (args);
  return status;
}

static int G_GNUC_NULL_TERMINATED
run_cli_db (Fixture    *f,
            const char *db,
            const char *first,
            ...)
{
  va_list args;
  int status;

  va_start (args, first);
  status = run_cli_v (f, db, first, args);
  va_end (args);
  return status;
}

/* Parses f->out as JSON; the root node. */
static JsonNode *
parse_out (Fixture *f)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, f->out, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static gint64
out_id (Fixture *f)
{
  g_autoptr(JsonNode) node = parse_out (f);

  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  return json_object_get_int_member (json_node_get_object (node), "id");
}

/* An error as the CLI prints it: one "accredit-cli: " prefix, a sentence, nothing on stdout. */
static void
assert_error_message (Fixture    *f,
                      const char *needle)
{
  g_assert_true (g_str_has_prefix (f->err, "accredit-cli: "));
  g_assert_nonnull (strstr (f->err, needle));
  g_assert_cmpstr (f->out, ==, "");
}

/* The column at which the value after @label starts, in the line starting with @label. */
static long
value_column (const char *text,
              const char *label)
{
  const char *line = strstr (text, label);
  const char *value;

  g_assert_nonnull (line);
  g_assert_true (line == text || line[-1] == '\n');
  value = line + strlen (label);
  while (*value == ' ')
    value++;
  return value - line;
}

static void
init_db (Fixture *f)
{
  g_assert_cmpint (run_cli (f, "init", NULL), ==, 0);
}

static void
test_cli_help (Fixture       *f,
               gconstpointer  data)
{
  g_assert_cmpint (run_cli (f, "--help", NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "module"));
  g_assert_nonnull (strstr (f->out, "--db"));

  g_assert_cmpint (run_cli (f, "module", "--help", NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "check"));
  g_assert_nonnull (strstr (f->out, "new-version"));

  g_assert_cmpint (run_cli (f, "module", "add", "--help", NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "--workload-hours"));
  g_assert_nonnull (strstr (f->out, "work-sample"));

  g_assert_cmpint (run_cli (f, "--version", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (f->out, "accredit-cli "));

  /* Usage errors: exit 2 with a hint, and no database created by them. */
  g_assert_cmpint (run_cli (f, NULL, NULL), ==, 2);
  g_assert_cmpint (run_cli (f, "frobnicate", NULL), ==, 2);
  assert_error_message (f, "“frobnicate”");
  g_assert_cmpint (run_cli (f, "module", "frobnicate", NULL), ==, 2);
  assert_error_message (f, "check");
  g_assert_cmpint (run_cli (f, "learner", "add", "--shoe-size", "44", NULL), ==, 2);
  assert_error_message (f, "--shoe-size");
  g_assert_nonnull (strstr (f->err, "learner add --help"));
  g_assert_false (g_file_test (f->db, G_FILE_TEST_EXISTS));
}

static void
test_cli_init_and_list (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(JsonNode) modules = NULL;
  g_autoptr(JsonNode) learners = NULL;
  g_autoptr(JsonNode) frameworks = NULL;
  JsonArray *array;
  guint n_learners;
  gint64 id;

  init_db (f);
  g_assert_cmpstr (f->err, ==, "");
  g_assert_cmpstr (f->out, !=, "");

  g_assert_cmpint (run_cli (f, "module", "list", "--json", NULL), ==, 0);
  modules = parse_out (f);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (modules));
  array = json_node_get_array (modules);
  g_assert_cmpuint (json_array_get_length (array), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      JsonObject *m = json_array_get_object_element (array, i);

      g_assert_cmpint (json_object_get_int_member (m, "id"), >, 0);
      g_assert_nonnull (json_object_get_string_member (m, "code"));
    }

  /* --json also works before the command, and --limit cuts the list. */
  g_assert_cmpint (run_cli (f, "--json", "module", "list", "--limit", "2", NULL), ==, 0);
  {
    g_autoptr(JsonNode) two = parse_out (f);
    g_assert_cmpuint (json_array_get_length (json_node_get_array (two)), ==, 2);
  }

  g_assert_cmpint (run_cli (f, "learner", "list", "--json", NULL), ==, 0);
  learners = parse_out (f);
  n_learners = json_array_get_length (json_node_get_array (learners));

  g_assert_cmpint (run_cli (f, "learner", "add", "--given-name", "Ada", "--family-name",
                            "Lovelace", "--email", "ada@example.org", "--external-id",
                            "M-1815", "--json", NULL), ==, 0);
  id = out_id (f);
  g_assert_cmpint (id, >, 0);

  g_clear_pointer (&learners, json_node_unref);
  g_assert_cmpint (run_cli (f, "learner", "list", "--json", NULL), ==, 0);
  learners = parse_out (f);
  array = json_node_get_array (learners);
  g_assert_cmpuint (json_array_get_length (array), ==, n_learners + 1);

  g_assert_cmpint (run_cli (f, "learner", "list", "--search", "lovelace", "--json", NULL), ==, 0);
  {
    g_autoptr(JsonNode) found = parse_out (f);
    JsonObject *ada;

    g_assert_cmpuint (json_array_get_length (json_node_get_array (found)), ==, 1);
    ada = json_array_get_object_element (json_node_get_array (found), 0);
    g_assert_cmpint (json_object_get_int_member (ada, "id"), ==, id);
    g_assert_cmpstr (json_object_get_string_member (ada, "family-name"), ==, "Lovelace");
    g_assert_cmpstr (json_object_get_string_member (ada, "external-id"), ==, "M-1815");
    g_assert_true (json_object_get_null_member (ada, "birth-date"));
  }

  /* Text output: aligned labels. */
  {
    g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

    g_assert_cmpint (run_cli (f, "learner", "show", id_text, NULL), ==, 0);
    g_assert_true (g_regex_match_simple ("^Family name: +Lovelace$", f->out,
                                         G_REGEX_MULTILINE, 0));
    g_assert_cmpint (value_column (f->out, "Family name:"), ==,
                     value_column (f->out, "Given name:"));
    g_assert_cmpint (value_column (f->out, "Family name:"), ==,
                     value_column (f->out, "External identifier:"));

    g_assert_cmpint (run_cli (f, "learner", "edit", id_text, "--email", "", "--json", NULL),
                     ==, 0);
    g_assert_cmpint (run_cli (f, "learner", "show", id_text, "--json", NULL), ==, 0);
    {
      g_autoptr(JsonNode) ada = parse_out (f);
      g_assert_true (json_object_get_null_member (json_node_get_object (ada), "email"));
    }

    g_assert_cmpint (run_cli (f, "learner", "delete", id_text, NULL), ==, 0);
    g_assert_cmpint (run_cli (f, "learner", "show", id_text, NULL), ==, 2);
    assert_error_message (f, id_text);
  }

  /* $ACCREDIT_DB names the database when --db is not given; --actor is the last editor. */
  g_assert_cmpint (run_cli_db (f, NULL, "--actor", "Quinn Q.", "module", "add", "--code", "ENV-1",
                               "--title", "From the environment", "--json", NULL), ==, 0);
  {
    g_autofree char *module_text = g_strdup_printf ("%" G_GINT64_FORMAT, out_id (f));
    g_autoptr(JsonNode) module = NULL;

    g_assert_cmpint (run_cli (f, "module", "show", module_text, "--json", NULL), ==, 0);
    module = parse_out (f);
    g_assert_cmpstr (json_object_get_string_member (json_node_get_object (module), "title"), ==,
                     "From the environment");
    g_assert_cmpstr (json_object_get_string_member (json_node_get_object (module),
                                                    "last-editor"), ==, "Quinn Q.");
  }

  g_assert_cmpint (run_cli (f, "framework", "list", "--json", NULL), ==, 0);
  frameworks = parse_out (f);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (frameworks)), >=, 1);
  g_assert_cmpint (run_cli (f, "framework", "show", "EQF", NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "Level 8"));
}

static gint64
first_module_id (Fixture *f)
{
  g_autoptr(JsonNode) modules = NULL;

  g_assert_cmpint (run_cli (f, "module", "list", "--json", NULL), ==, 0);
  modules = parse_out (f);
  return json_object_get_int_member (json_array_get_object_element (
                                       json_node_get_array (modules), 0), "id");
}

static void
test_cli_module_check (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(JsonNode) check = NULL;
  g_autofree char *id_text = NULL;
  g_autofree char *seeded_text = NULL;
  JsonObject *object;
  JsonArray *missing;
  gboolean has_outcomes = FALSE;

  init_db (f);

  g_assert_cmpint (run_cli (f, "module", "add", "--code", "TEST-1", "--title", "Half done",
                            "--workload-hours", "40", "--json", NULL), ==, 0);
  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, out_id (f));

  /* Incomplete: a verdict of "invalid", exit 1, naming what is missing. */
  g_assert_cmpint (run_cli (f, "module", "check", id_text, NULL), ==, 1);
  g_assert_nonnull (strstr (f->out, "Learning outcomes"));
  g_assert_nonnull (strstr (f->out, "Form of participation"));
  g_assert_nonnull (strstr (f->out, "of 11"));

  g_assert_cmpint (run_cli (f, "module", "check", id_text, "--json", NULL), ==, 1);
  check = parse_out (f);
  object = json_node_get_object (check);
  g_assert_false (json_object_get_boolean_member (object, "complete"));
  g_assert_cmpint (json_object_get_int_member (object, "total"), ==, 11);
  missing = json_object_get_array_member (object, "missing");
  g_assert_cmpint (json_object_get_int_member (object, "present"), ==,
                   11 - json_array_get_length (missing));
  for (guint i = 0; i < json_array_get_length (missing); i++)
    {
      JsonObject *m = json_array_get_object_element (missing, i);

      g_assert_nonnull (json_object_get_string_member (m, "message"));
      if (g_str_equal (json_object_get_string_member (m, "element"), "learning-outcomes"))
        has_outcomes = TRUE;
    }
  g_assert_true (has_outcomes);

  /* Adding an outcome removes it from the list. */
  g_assert_cmpint (run_cli (f, "outcome", "add", "--module", id_text, "--statement",
                            "Can weld a fillet joint.", "--kind", "skill", NULL), ==, 0);
  g_assert_cmpint (run_cli (f, "module", "check", id_text, NULL), ==, 1);
  g_assert_null (strstr (f->out, "Learning outcomes"));

  /* A seeded module is complete. */
  seeded_text = g_strdup_printf ("%" G_GINT64_FORMAT, first_module_id (f));
  g_assert_cmpint (run_cli (f, "module", "check", seeded_text, NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "11 of 11"));

  g_assert_cmpint (run_cli (f, "module", "show", seeded_text, "--json", NULL), ==, 0);
  {
    g_autoptr(JsonNode) module = parse_out (f);
    JsonObject *m = json_node_get_object (module);

    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (m, "outcomes")), >, 0);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (m, "levels")), >, 0);
    g_assert_cmpint (json_object_get_int_member (m, "eqf-level"), >=, 1);
  }
}

static void
test_cli_input_errors (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *id_text = NULL;
  g_autofree char *file = NULL;
  g_autofree char *bad_db = NULL;
  g_autofree char *new_db = NULL;
  sqlite3 *db = NULL;

  init_db (f);
  g_assert_cmpint (run_cli (f, "module", "add", "--code", "TEST-2", "--title", "Errors",
                            "--workload-hours", "12.5", "--json", NULL), ==, 0);
  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, out_id (f));

  /* A bad enum nick: the message lists the accepted nicks. */
  g_assert_cmpint (run_cli (f, "module", "edit", id_text, "--assessment-type", "essay", NULL),
                   ==, 2);
  assert_error_message (f, "“essay”");
  g_assert_nonnull (strstr (f->err, "test, work-sample, portfolio, oral, practical, project"));

  /* A negative workload: the core's sentence. */
  g_assert_cmpint (run_cli (f, "module", "edit", id_text, "--workload-hours", "-5", NULL), ==, 2);
  assert_error_message (f, "-5");
  g_assert_true (g_str_has_suffix (f->err, ".\n"));

  /* Not a number at all: the option is named. */
  g_assert_cmpint (run_cli (f, "module", "edit", id_text, "--ects", "five", NULL), ==, 2);
  assert_error_message (f, "--ects");
  g_assert_cmpint (run_cli (f, "module", "edit", id_text, "--validity-months", "1.5", NULL), ==, 2);
  assert_error_message (f, "--validity-months");

  /* Nothing of that was written. */
  g_assert_cmpint (run_cli (f, "module", "show", id_text, "--json", NULL), ==, 0);
  {
    g_autoptr(JsonNode) module = parse_out (f);
    JsonObject *m = json_node_get_object (module);

    g_assert_cmpfloat (json_object_get_double_member (m, "workload-hours"), ==, 12.5);
    g_assert_true (json_object_get_null_member (m, "assessment-type"));
    g_assert_true (json_object_get_null_member (m, "ects"));
  }

  /* Unknown ids and bad ids. */
  g_assert_cmpint (run_cli (f, "module", "show", "999999", NULL), ==, 2);
  assert_error_message (f, "999999");
  g_assert_cmpint (run_cli (f, "module", "show", "abc", NULL), ==, 2);
  assert_error_message (f, "“abc”");
  g_assert_cmpint (run_cli (f, "module", "show", NULL), ==, 2);
  g_assert_cmpint (run_cli (f, "learner", "delete", "999999", NULL), ==, 2);
  assert_error_message (f, "999999");

  /* A database path under a regular file. */
  file = g_build_filename (f->dir, "plain-file", NULL);
  g_assert_true (g_file_set_contents (file, "not a folder", -1, NULL));
  bad_db = g_build_filename (file, "sub", "accredit.db", NULL);
  g_assert_cmpint (run_cli_db (f, bad_db, "module", "list", NULL), ==, 2);
  assert_error_message (f, "plain-file");

  /* A database from a newer Accredit. */
  new_db = g_build_filename (f->dir, "newer.db", NULL);
  g_assert_cmpint (run_cli_db (f, new_db, "init", "--no-demo", NULL), ==, 0);
  g_assert_cmpint (sqlite3_open (new_db, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 99", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  sqlite3_close (db);
  g_assert_cmpint (run_cli_db (f, new_db, "module", "list", NULL), ==, 2);
  assert_error_message (f, "newer version of Accredit");

  /* A --db after the verb wins over one before it; an empty list says so. */
  g_assert_cmpint (run_cli_db (f, new_db, "learner", "list", "--db", f->db, "--search",
                               "nobody-has-this-name", NULL), ==, 0);
  g_assert_cmpstr (f->out, ==, "Nothing found.\n");
}

static void
test_cli_assessment (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *module = NULL;
  g_autofree char *learner = NULL;
  g_autofree char *rubric = NULL;
  g_autoptr(JsonNode) result = NULL;
  JsonObject *object;

  init_db (f);

  g_assert_cmpint (run_cli (f, "module", "add", "--code", "TEST-3", "--title", "Graded",
                            "--json", NULL), ==, 0);
  module = g_strdup_printf ("%" G_GINT64_FORMAT, out_id (f));
  g_assert_cmpint (run_cli (f, "learner", "add", "--given-name", "Grace", "--family-name",
                            "Hopper", "--json", NULL), ==, 0);
  learner = g_strdup_printf ("%" G_GINT64_FORMAT, out_id (f));

  g_assert_cmpint (run_cli (f, "rubric", "add", "--module", module, "--title", "Practice",
                            "--level", "Insufficient=0", "--level", "Sufficient=1",
                            "--level", "Good=2", "--criterion", "Preparation",
                            "--criterion", "Execution=2", "--min-total", "3",
                            "--cell", "2,3=Clean seam, no pores", "--json", NULL), ==, 0);
  rubric = g_strdup_printf ("%" G_GINT64_FORMAT, out_id (f));
  g_assert_cmpint (run_cli (f, "rubric", "show", rubric, NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "Good (2)"));
  g_assert_nonnull (strstr (f->out, "2. Execution"));
  g_assert_nonnull (strstr (f->out, "Clean seam, no pores"));

  /* 1 × 1 + 2 × 2 = 5 ≥ 3: passed. */
  g_assert_cmpint (run_cli (f, "assessment", "add", "--learner", learner, "--module", module,
                            "--assessor", "Eve Examiner", "--date", "2024-05-02",
                            "--level", "1=Sufficient", "--level", "2=good", NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "Passed with a total of 5."));

  g_assert_cmpint (run_cli (f, "assessment", "add", "--learner", learner, "--module", module,
                            "--assessor", "Eve Examiner", "--date", "2024-05-03",
                            "--level", "1=Insufficient", "--level", "2=Sufficient", "--json",
                            NULL), ==, 0);
  result = parse_out (f);
  object = json_node_get_object (result);
  g_assert_false (json_object_get_boolean_member (object, "passed"));
  g_assert_cmpfloat (json_object_get_double_member (object, "total"), ==, 2);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "results")),
                    ==, 2);

  /* A level the rubric does not have. */
  g_assert_cmpint (run_cli (f, "assessment", "add", "--learner", learner, "--module", module,
                            "--assessor", "Eve Examiner", "--date", "2024-05-04",
                            "--level", "1=Brilliant", "--level", "2=Good", NULL), ==, 2);
  assert_error_message (f, "Brilliant");

  g_assert_cmpint (run_cli (f, "assessment", "list", "--learner", learner, "--json", NULL), ==, 0);
  {
    g_autoptr(JsonNode) list = parse_out (f);
    g_assert_cmpuint (json_array_get_length (json_node_get_array (list)), ==, 2);
  }

  /* The learner still has assessments: deleting is refused with a sentence. */
  g_assert_cmpint (run_cli (f, "learner", "delete", learner, NULL), ==, 2);
  g_assert_true (g_str_has_prefix (f->err, "accredit-cli: "));
}

/* framework export/import: the export is the shipped document, valid for xmllint too; an
 * import replaces the framework of its code; errors exit 2 with the sentence. */
static void
test_cli_framework_xml (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "DQR.xml", NULL);
  g_autofree char *edited_path = g_build_filename (f->dir, "DQR-2025.xml", NULL);
  g_autofree char *shipped_path = g_test_build_filename (G_TEST_DIST, "..", "data", "frameworks",
                                                         "DQR.xml", NULL);
  g_autofree char *bad_path = g_test_build_filename (G_TEST_DIST, "data", "xml",
                                                     "framework-unknown-dimension.xml", NULL);
  g_autofree char *xsd = g_test_build_filename (G_TEST_DIST, "..", "data", "schemas",
                                                "framework.xsd", NULL);
  g_autofree char *xmllint = g_find_program_in_path ("xmllint");
  g_autofree char *exported = NULL;
  g_autofree char *shipped = NULL;
  g_autofree char *written = NULL;
  g_autoptr(GString) edited = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *object;

  init_db (f);

  /* To standard output: exactly the shipped document. */
  g_assert_cmpint (run_cli (f, "framework", "export", "DQR", NULL), ==, 0);
  exported = g_strdup (f->out);
  g_assert_true (g_file_get_contents (shipped_path, &shipped, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (exported, ==, shipped);

  /* To a file (the code in any case), which an independent validator accepts. */
  g_assert_cmpint (run_cli (f, "framework", "export", "dqr", "-o", path, NULL), ==, 0);
  g_assert_true (g_file_get_contents (path, &written, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (written, ==, exported);
  if (xmllint != NULL)
    {
      const char *argv[] = { xmllint, "--noout", "--nonet", "--schema", xsd, path, NULL };
      g_autofree char *err = NULL;
      int wait_status = 0;

      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL,
                    &err, &wait_status, &error);
      g_assert_no_error (error);
      g_test_message ("xmllint: %s", err);
      g_assert_true (g_spawn_check_wait_status (wait_status, NULL));
    }
  else
    {
      g_test_message ("xmllint not found: the export is checked by the core's schema only");
    }

  /* A new edition of the DQR replaces the old one. */
  edited = g_string_new (written);
  g_assert_cmpint (g_string_replace (edited, "version=\"2013\"", "version=\"2025\"", 1), ==, 1);
  g_assert_true (g_file_set_contents (edited_path, edited->str, -1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (run_cli (f, "framework", "import", edited_path, NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "“DQR”"));
  g_assert_cmpint (run_cli (f, "framework", "import", edited_path, "--json", NULL), ==, 0);
  node = parse_out (f);
  object = json_node_get_object (node);
  g_assert_cmpstr (json_object_get_string_member (object, "code"), ==, "DQR");
  g_assert_cmpstr (json_object_get_string_member (object, "version"), ==, "2025");
  g_assert_cmpint (run_cli (f, "framework", "list", "--json", NULL), ==, 0);
  g_clear_pointer (&node, json_node_unref);
  node = parse_out (f);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (node)), ==, 4);

  /* Errors: exit 2 and the core's sentence. */
  g_assert_cmpint (run_cli (f, "framework", "export", "NOPE", NULL), ==, 2);
  assert_error_message (f, "“NOPE”");
  g_assert_cmpint (run_cli (f, "framework", "import", bad_path, NULL), ==, 2);
  assert_error_message (f, "line 15");
  g_assert_cmpint (run_cli (f, "framework", "import", "missing.xml", NULL), ==, 2);
  assert_error_message (f, "missing.xml");
  g_assert_cmpint (run_cli (f, "framework", "export", "DQR", "-o",
                            "/nonexistent/dir/DQR.xml", NULL), ==, 2);
  assert_error_message (f, "DQR.xml");
}

/* curriculum export/import: by code or number, to stdout or a file, valid for xmllint; an
 * import of the same document matches what is there; errors exit 2 with the sentence. */
static void
test_cli_curriculum_xml (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "curriculum.xml", NULL);
  g_autofree char *changed_path = g_build_filename (f->dir, "changed.xml", NULL);
  g_autofree char *empty_db = g_build_filename (f->dir, "empty.db", NULL);
  g_autofree char *xsd = g_test_build_filename (G_TEST_DIST, "..", "data", "schemas",
                                                "curriculum.xsd", NULL);
  g_autofree char *xmllint = g_find_program_in_path ("xmllint");
  g_autofree char *exported = NULL;
  g_autofree char *written = NULL;
  g_autofree char *id_text = NULL;
  g_autoptr(GString) changed = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *object;

  init_db (f);

  /* By code to standard output, by number to a file: the same document. */
  g_assert_cmpint (run_cli (f, "curriculum", "export", ACR_SEED_DEMO_CURRICULUM_CODE, NULL), ==, 0);
  exported = g_strdup (f->out);
  g_assert_true (g_str_has_prefix (exported, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                             "<curriculum xmlns=\"urn:accredit:curriculum:1\""));
  g_assert_cmpint (run_cli (f, "curriculum", "list", "--json", NULL), ==, 0);
  node = parse_out (f);
  id_text = g_strdup_printf ("%" G_GINT64_FORMAT,
                             json_object_get_int_member (json_array_get_object_element (
                               json_node_get_array (node), 0), "id"));
  g_assert_cmpint (run_cli (f, "curriculum", "export", id_text, "-o", path, NULL), ==, 0);
  g_assert_cmpstr (f->out, ==, "");
  g_assert_true (g_file_get_contents (path, &written, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (written, ==, exported);
  if (xmllint != NULL)
    {
      const char *argv[] = { xmllint, "--noout", "--nonet", "--schema", xsd, path, NULL };
      g_autofree char *err = NULL;
      int wait_status = 0;

      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL,
                    &err, &wait_status, &error);
      g_assert_no_error (error);
      g_test_message ("xmllint: %s", err);
      g_assert_true (g_spawn_check_wait_status (wait_status, NULL));
    }

  /* Importing it again matches what is there: the same curriculum, nothing added. */
  g_assert_cmpint (run_cli (f, "curriculum", "import", path, NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "“" ACR_SEED_DEMO_CURRICULUM_CODE "”"));
  g_assert_nonnull (strstr (f->out, "3 modules"));
  g_assert_cmpint (run_cli (f, "curriculum", "import", path, "--json", NULL), ==, 0);
  g_clear_pointer (&node, json_node_unref);
  node = parse_out (f);
  object = json_node_get_object (node);
  g_assert_cmpstr (json_object_get_string_member (object, "code"), ==,
                   ACR_SEED_DEMO_CURRICULUM_CODE);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "modules")),
                    ==, 3);
  g_assert_cmpint (run_cli (f, "module", "list", "--json", NULL), ==, 0);
  g_clear_pointer (&node, json_node_unref);
  node = parse_out (f);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (node)), ==, 3);

  /* Errors: exit 2 and the core's sentence. */
  changed = g_string_new (written);
  g_assert_cmpuint (g_string_replace (changed, "<workload hours=\"", "<workload hours=\"1", 1),
                    ==, 1);
  g_assert_true (g_file_set_contents (changed_path, changed->str, -1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (run_cli (f, "curriculum", "import", changed_path, NULL), ==, 2);
  assert_error_message (f, "new version number");
  g_assert_cmpint (run_cli_db (f, empty_db, "curriculum", "import", path, NULL), ==, 2);
  assert_error_message (f, "Import the framework first");
  g_assert_cmpint (run_cli (f, "curriculum", "export", "NOPE", NULL), ==, 2);
  assert_error_message (f, "“NOPE”");
  g_assert_cmpint (run_cli (f, "curriculum", "import", "missing.xml", NULL), ==, 2);
  assert_error_message (f, "missing.xml");
  g_assert_cmpint (run_cli (f, "curriculum", "import", NULL), ==, 2);
}

/* Signs the demo credential with the stored issuer key @key_id through the core API (as
 * issuance would) and stores it as issued; returns the signed document. */
static char *
sign_demo_credential (Fixture     *f,
                      gint64       key_id,
                      const char  *passphrase,
                      char       **uuid_out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AcrStore) store = acr_store_open (f->db, &error);
  g_autoptr(AcrPagedList) assessments = NULL;
  g_autoptr(AcrAssessment) assessment = NULL;
  g_autoptr(AcrSigningIdentity) identity = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) issued = NULL;
  g_autoptr(xmlDoc) doc = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *key_dir = g_build_filename (f->dir, "accredit", "keys", NULL);
  g_autofree char *uuid = acr_uuid_urn_new ();
  g_autofree char *issued_at = NULL;
  gnutls_x509_crt_t *chain;
  guint n_chain = 0;
  xmlChar *mem = NULL;
  int size = 0;
  char *text;

  g_assert_no_error (error);
  acr_identity_store_set_key_dir (store, key_dir);
  identity = acr_identity_store_open (store, key_id, passphrase, NULL, NULL, &error);
  g_assert_no_error (error);

  assessments = acr_assessment_list (store, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (assessments)); i++)
    {
      g_autoptr(AcrAssessment) a = g_list_model_get_item (G_LIST_MODEL (assessments), i);

      if (assessment == NULL && acr_assessment_get_passed (a))
        assessment = g_steal_pointer (&a);
    }
  g_assert_nonnull (assessment);

  issued = g_date_time_new_utc (g_date_time_get_year (now), g_date_time_get_month (now),
                                g_date_time_get_day_of_month (now), g_date_time_get_hour (now),
                                g_date_time_get_minute (now), g_date_time_get_second (now));
  issued_at = g_date_time_format (issued, "%Y-%m-%dT%H:%M:%SZ");
  doc = acr_credential_document_build (store, acr_assessment_get_id (assessment), uuid, issued,
                                       NULL, &error);
  g_assert_no_error (error);
  chain = acr_signing_identity_get_chain (identity, &n_chain);
  g_assert_true (acr_xmldsig_sign (doc, acr_signing_identity_get_privkey (identity), chain,
                                   n_chain, &error));
  g_assert_no_error (error);
  xmlDocDumpMemoryEnc (doc, &mem, &size, "UTF-8");
  text = g_strndup ((const char *) mem, size);
  xmlFree (mem);

  {
    g_autoptr(xmlDoc) parsed = acr_xml_parse_untrusted (text, size, "c.xml", &error);
    g_autoptr(AcrCredentialInfo) info = acr_credential_info_new_from_document (parsed, &error);

    g_assert_no_error (error);
    bytes = g_bytes_new (text, size);
    g_assert_true (acr_store_begin (store, &error));
    g_assert_true (_acr_credential_insert (store, uuid, acr_assessment_get_learner_id (assessment),
                                           acr_assessment_get_module_id (assessment),
                                           acr_assessment_get_id (assessment), 0, issued_at,
                                           info->valid_until, bytes,
                                           acr_signing_identity_get_fingerprint (identity), NULL,
                                           &error));
    g_assert_no_error (error);
    g_assert_true (acr_store_commit (store, &error));
  }

  *uuid_out = g_steal_pointer (&uuid);
  return text;
}

static void
test_cli_keys_and_verify (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *pass = g_build_filename (f->dir, "pass.txt", NULL);
  g_autofree char *credential = g_build_filename (f->dir, "c.xml", NULL);
  g_autofree char *edited_path = g_build_filename (f->dir, "edited.xml", NULL);
  g_autofree char *cert = g_build_filename (f->dir, "issuer.pem", NULL);
  g_autofree char *list = g_build_filename (f->dir, "revoked.xml", NULL);
  g_autofree char *text = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *key_text = NULL;
  g_autofree char *fingerprint = NULL;
  g_autofree char *bad_entry = NULL;
  GString *edited = NULL;
  JsonObject *object;
  gint64 key_id;
  sqlite3 *db = NULL;

  init_db (f);
  g_assert_true (g_file_set_contents (pass, "cli passphrase\n", -1, &error));
  g_assert_no_error (error);

  /* A key: created, listed, its certificate trusted. */
  g_assert_cmpint (run_cli (f, "key", "create", "--organisation", "1", "--type", "ecdsa",
                            "--passphrase-file", pass, "--json", NULL), ==, 0);
  node = parse_out (f);
  object = json_node_get_object (node);
  key_id = json_object_get_int_member (object, "id");
  fingerprint = g_strdup (json_object_get_string_member (object, "fingerprint"));
  g_assert_cmpuint (strlen (fingerprint), ==, 64);
  key_text = g_strdup_printf ("%" G_GINT64_FORMAT, key_id);
  g_assert_cmpint (run_cli (f, "key", "create", "--organisation", "1", "--passphrase-file",
                            "missing.txt", NULL), ==, 2);
  assert_error_message (f, "missing.txt");
  g_assert_cmpint (run_cli (f, "key", "create", "--organisation", "1", "--type", "dsa",
                            "--passphrase-file", pass, NULL), ==, 2);
  assert_error_message (f, "ed25519");
  g_assert_cmpint (run_cli (f, "key", "list", NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, fingerprint));
  g_assert_cmpint (run_cli (f, "key", "trusted", NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, fingerprint));
  g_assert_cmpint (run_cli (f, "key", "show", key_text, NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "ECDSA"));
  g_assert_cmpint (run_cli (f, "key", "export-certificate", key_text, "-o", cert, NULL), ==, 0);

  /* A credential signed with it verifies… */
  text = sign_demo_credential (f, key_id, "cli passphrase", &uuid);
  g_assert_true (g_file_set_contents (credential, text, -1, &error));
  g_assert_cmpint (run_cli (f, "verify", credential, NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "valid"));
  g_assert_nonnull (strstr (f->out, "✓"));
  g_assert_null (strstr (f->out, "✗"));
  g_assert_nonnull (strstr (f->out, uuid));

  /* …one byte less does not. */
  edited = g_string_new (text);
  g_assert_cmpint (g_string_replace (edited, "<familyName>", "<familyName>X", 1), ==, 1);
  g_assert_true (g_file_set_contents (edited_path, edited->str, -1, &error));
  g_string_free (edited, TRUE);
  g_assert_cmpint (run_cli (f, "verify", edited_path, NULL), ==, 1);
  g_assert_nonnull (strstr (f->out, "✗"));
  g_assert_cmpint (run_cli (f, "verify", credential, edited_path, "--json", NULL), ==, 1);
  g_clear_pointer (&node, json_node_unref);
  node = parse_out (f);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (node)), ==, 2);
  object = json_array_get_object_element (json_node_get_array (node), 0);
  g_assert_cmpstr (json_object_get_string_member (object, "status"), ==, "valid");
  object = json_array_get_object_element (json_node_get_array (node), 1);
  g_assert_cmpstr (json_object_get_string_member (object, "status"), ==, "invalid");
  g_assert_cmpstr (json_object_get_string_member (object, "failed-check"), ==, "digest");
  g_assert_true (json_object_get_null_member (object, "credential"));
  g_assert_cmpint (run_cli (f, "verify", "missing.xml", NULL), ==, 2);

  /* Untrusted once the certificate is no longer trusted, valid again once it is. */
  g_assert_cmpint (run_cli (f, "key", "untrust", fingerprint, NULL), ==, 0);
  g_assert_cmpint (run_cli (f, "verify", credential, NULL), ==, 1);
  g_assert_nonnull (strstr (f->out, "untrusted"));
  g_assert_cmpint (run_cli (f, "key", "trust", cert, NULL), ==, 0);
  g_assert_cmpint (run_cli (f, "verify", credential, NULL), ==, 0);

  /* Revoked: here, and by the signed list. */
  g_assert_cmpint (run_cli (f, "revoke", uuid, NULL), ==, 2);
  g_assert_cmpint (run_cli (f, "revoke", uuid, "--reason", "Exam fraud", NULL), ==, 0);
  g_assert_cmpint (run_cli (f, "verify", credential, NULL), ==, 1);
  g_assert_nonnull (strstr (f->out, "revoked"));
  g_assert_nonnull (strstr (f->out, "Exam fraud"));
  g_assert_cmpint (run_cli (f, "revocation-list", "export", "--key", key_text,
                            "--passphrase-file", pass, "-o", list, NULL), ==, 0);
  g_assert_cmpint (run_cli (f, "verify", "--revocation-list", list, credential, "--json", NULL),
                   ==, 1);
  g_clear_pointer (&node, json_node_unref);
  node = parse_out (f);
  object = json_array_get_object_element (json_node_get_array (node), 0);
  g_assert_cmpstr (json_object_get_string_member (object, "status"), ==, "revoked");

  /* The audit log holds it all, intact; an edited entry is found. */
  g_assert_cmpint (run_cli (f, "audit", "verify", NULL), ==, 0);
  g_assert_cmpint (run_cli (f, "audit", "list", "--action", "key-create", "--json", NULL), ==, 0);
  g_clear_pointer (&node, json_node_unref);
  node = parse_out (f);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (node)), ==, 1);
  g_assert_cmpint (run_cli (f, "audit", "list", "--object-type", "credential", NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "revoke"));

  g_assert_cmpint (sqlite3_open (f->db, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "DROP TRIGGER audit_log_no_update; "
                                     "UPDATE audit_log SET summary = 'Nothing happened.' "
                                     "WHERE action = 'key-create';", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  {
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT id FROM audit_log WHERE action = "
                                             "'key-create'", -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    bad_entry = g_strdup_printf ("%lld", (long long) sqlite3_column_int64 (stmt, 0));
    sqlite3_finalize (stmt);
  }
  sqlite3_close (db);
  g_assert_cmpint (run_cli (f, "audit", "verify", NULL), ==, 1);
  g_assert_nonnull (strstr (f->out, bad_entry));
}

/* Issuing with the CLI: one credential (idempotent), export and verification of it, a CSV
 * batch with a bad row, a batch from the database, and the key given as files. */
static void
test_cli_issue (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *pass = g_build_filename (f->dir, "pass.txt", NULL);
  g_autofree char *wrong = g_build_filename (f->dir, "wrong.txt", NULL);
  g_autofree char *exported = g_build_filename (f->dir, "exported.xml", NULL);
  g_autofree char *cert = g_build_filename (f->dir, "issuer.pem", NULL);
  g_autofree char *csv = g_build_filename (f->dir, "results.csv", NULL);
  g_autofree char *key_text = NULL;
  g_autofree char *key_file = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *sha = NULL;
  g_autofree char *id_text = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *file_sha = NULL;
  gsize len = 0;
  JsonObject *object;
  JsonArray *failures;
  gint64 id;

  init_db (f);
  g_assert_true (g_file_set_contents (pass, "issue passphrase\n", -1, &error));
  g_assert_true (g_file_set_contents (wrong, "not the passphrase\n", -1, &error));
  g_assert_cmpint (run_cli (f, "key", "create", "--organisation", "1", "--type", "ecdsa",
                            "--passphrase-file", pass, "--json", NULL), ==, 0);
  node = parse_out (f);
  object = json_node_get_object (node);
  key_text = g_strdup_printf ("%lld", (long long) json_object_get_int_member (object, "id"));
  key_file = g_strdup (json_object_get_string_member (object, "key-location"));

  /* The demo learner 1 passed module 1. */
  g_assert_cmpint (run_cli (f, "issue", "1", "1", "--key", key_text, "--passphrase-file", pass,
                            "--json", NULL), ==, 0);
  g_clear_pointer (&node, json_node_unref);
  node = parse_out (f);
  object = json_node_get_object (node);
  g_assert_false (json_object_get_boolean_member (object, "already-issued"));
  id = json_object_get_int_member (object, "id");
  uuid = g_strdup (json_object_get_string_member (object, "uuid"));
  sha = g_strdup (json_object_get_string_member (object, "sha256"));
  g_assert_cmpstr (json_object_get_string_member (object, "status"), ==, "valid");
  id_text = g_strdup_printf ("%lld", (long long) id);

  /* Again: the same credential, nothing new. */
  g_assert_cmpint (run_cli (f, "issue", "1", "1", "--key", key_text, "--passphrase-file", pass,
                            NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "already"));
  g_assert_nonnull (strstr (f->out, uuid));
  g_assert_cmpint (run_cli (f, "credential", "list", "--json", NULL), ==, 0);
  g_clear_pointer (&node, json_node_unref);
  node = parse_out (f);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (node)), ==, 1);
  g_assert_cmpint (run_cli (f, "credential", "list", "--status", "revoked", "--json", NULL),
                   ==, 0);
  g_clear_pointer (&node, json_node_unref);
  node = parse_out (f);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (node)), ==, 0);
  g_assert_cmpint (run_cli (f, "credential", "list", "--search", "Mustermann", NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "DEMO-ITSEC-01"));
  g_assert_cmpint (run_cli (f, "credential", "show", uuid, NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, sha));
  g_assert_cmpint (run_cli (f, "credential", "show", "999", NULL), ==, 2);
  assert_error_message (f, "999");

  /* Exported exactly as stored; it verifies. */
  g_assert_cmpint (run_cli (f, "credential", "export", id_text, "-o", exported, NULL), ==, 0);
  g_assert_true (g_file_get_contents (exported, &contents, &len, &error));
  file_sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, len);
  g_assert_cmpstr (file_sha, ==, sha);
  g_assert_cmpint (run_cli (f, "credential", "export", uuid, NULL), ==, 0);
  g_assert_cmpstr (f->out, ==, contents);
  g_assert_cmpint (run_cli (f, "verify", exported, NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, uuid));

  /* Refusals: no passed assessment, no key, a wrong passphrase, bad usage. */
  g_assert_cmpint (run_cli (f, "issue", "1", "2", "--key", key_text, "--passphrase-file", pass,
                            NULL), ==, 2);
  assert_error_message (f, "no passed assessment");
  g_assert_cmpint (run_cli (f, "issue", "2", "1", NULL), ==, 2);
  assert_error_message (f, "--key");
  g_assert_cmpint (run_cli (f, "issue", "1", NULL), ==, 2);
  assert_error_message (f, "MODULE LEARNER");
  g_assert_cmpint (run_cli (f, "issue", "1", "1", "--key", key_text, "--passphrase-file", wrong,
                            NULL), ==, 2);
  g_assert_cmpint (run_cli (f, "credential", "list", "--json", NULL), ==, 0);
  g_clear_pointer (&node, json_node_unref);
  node = parse_out (f);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (node)), ==, 1);

  /* A CSV batch: row 3 names a level the rubric lacks. */
  g_assert_true (g_file_set_contents (csv,
                                      "external_id,given_name,family_name,assessed_on,assessor,"
                                      "crit1,crit2,crit3\n"
                                      "CLI-1,Clara,Zeile,2025-07-02,Dr. Huber,erfüllt,erfüllt,"
                                      "erfüllt\n"
                                      "CLI-2,Bernd,Fehler,2025-07-02,Dr. Huber,erfüllt,prima,"
                                      "erfüllt\n"
                                      "CLI-3,Dora,Zeile,2025-07-02,Dr. Huber,übertroffen,"
                                      "erfüllt,erfüllt\n", -1, &error));
  g_assert_cmpint (run_cli (f, "issue", "--batch", csv, "--module", "1", "--key", key_text,
                            "--passphrase-file", pass, "--json", NULL), ==, 2);
  g_assert_nonnull (strstr (f->err, "1 of 3 records were not issued"));
  g_clear_pointer (&node, json_node_unref);
  node = parse_out (f);
  object = json_node_get_object (node);
  g_assert_cmpint (json_object_get_int_member (object, "total"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (object, "issued"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (object, "failed"), ==, 1);
  g_assert_false (json_object_get_boolean_member (object, "cancelled"));
  failures = json_object_get_array_member (object, "failures");
  g_assert_cmpuint (json_array_get_length (failures), ==, 1);
  object = json_array_get_object_element (failures, 0);
  g_assert_cmpint (json_object_get_int_member (object, "row"), ==, 3);
  g_assert_nonnull (strstr (json_object_get_string_member (object, "message"), "prima"));

  /* The whole module from the database: all issued before. */
  g_assert_cmpint (run_cli (f, "issue", "--module", "1", "--key", key_text,
                            "--passphrase-file", pass, NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "Issued 0 credentials; 3 skipped"));

  /* The key as files: the same credential again. */
  g_assert_cmpint (run_cli (f, "key", "export-certificate", key_text, "-o", cert, NULL), ==, 0);
  g_assert_cmpint (run_cli (f, "issue", "1", "1", "--key-file", key_file, "--cert", cert,
                            "--passphrase-file", pass, "--json", NULL), ==, 0);
  g_clear_pointer (&node, json_node_unref);
  node = parse_out (f);
  g_assert_true (json_object_get_boolean_member (json_node_get_object (node), "already-issued"));
  g_assert_cmpint (run_cli (f, "issue", "1", "1", "--key-file", key_file,
                            "--passphrase-file", pass, NULL), ==, 2);
  assert_error_message (f, "--cert");

  g_assert_cmpint (run_cli (f, "audit", "verify", NULL), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli/help-and-usage", Fixture, NULL, fixture_setup, test_cli_help,
              fixture_teardown);
  g_test_add ("/cli/init-and-list", Fixture, NULL, fixture_setup, test_cli_init_and_list,
              fixture_teardown);
  g_test_add ("/cli/module-check", Fixture, NULL, fixture_setup, test_cli_module_check,
              fixture_teardown);
  g_test_add ("/cli/input-errors", Fixture, NULL, fixture_setup, test_cli_input_errors,
              fixture_teardown);
  g_test_add ("/cli/assessment", Fixture, NULL, fixture_setup, test_cli_assessment,
              fixture_teardown);
  g_test_add ("/cli/framework-xml", Fixture, NULL, fixture_setup, test_cli_framework_xml,
              fixture_teardown);
  g_test_add ("/cli/curriculum-xml", Fixture, NULL, fixture_setup, test_cli_curriculum_xml,
              fixture_teardown);
  g_test_add ("/cli/keys-and-verify", Fixture, NULL, fixture_setup, test_cli_keys_and_verify,
              fixture_teardown);
  g_test_add ("/cli/issue", Fixture, NULL, fixture_setup, test_cli_issue, fixture_teardown);

  return g_test_run ();
}
