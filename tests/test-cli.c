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

  return g_test_run ();
}
