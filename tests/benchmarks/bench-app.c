/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Startup and the registry's search, on an empty database and on one of 100,000 credentials.
 *
 * Startup: the time from starting the program to the first frame its window paints, for
 * Accredit (the real AcrApplication, opening the database) and for a reference program
 * started the same way: a libadwaita window with one label, the floor of any GTK 4 app on
 * this machine. Each is started 5 times as a child process; the median counts.
 *
 * Search: acr_credential_list() for one learner among all credentials, until the count and
 * the first row are known (what the Credentials list needs to show), against a raw SQLite
 * query that scans the same rows for the same text (the floor of an unindexed search).
 *
 * The 100,000 credentials are copies of one real signed credential under other ids, made
 * by SQL: what is measured here reads rows, it does not verify them.
 *
 *   bench-app [--n N]          (needs a display; tests/benchmarks/run starts Xvfb) */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <adwaita.h>

#include "acr-application.h"
#include "acr-core.h"
#include "acr-store-private.h"
#include "bench-common.h"

#define N_STARTS 5

static void
on_after_paint (GdkFrameClock *clock,
                gpointer       user_data)
{
  printf ("%" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  fflush (stdout);
  _exit (0);
}

static void
on_realize (GtkWidget *widget,
            gpointer   user_data)
{
  g_signal_connect (gtk_widget_get_frame_clock (widget), "after-paint",
                    G_CALLBACK (on_after_paint), NULL);
}

static void
on_window_added (GtkApplication *app,
                 GtkWindow      *window,
                 gpointer        user_data)
{
  g_signal_connect (window, "realize", G_CALLBACK (on_realize), NULL);
}

static int
child_app (const char *db_path)
{
  g_autoptr(AcrApplication) app = acr_application_new ();
  char *args[] = { (char *) "accredit", (char *) "--db", (char *) db_path, NULL };

  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "window-added", G_CALLBACK (on_window_added), NULL);
  return g_application_run (G_APPLICATION (app), 3, args);
}

static void
on_reference_activate (GtkApplication *app,
                       gpointer        user_data)
{
  GtkWidget *window = adw_application_window_new (app);

  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window),
                                      gtk_label_new ("Accredit"));
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 640);
  gtk_window_present (GTK_WINDOW (window));
}

static int
child_reference (void)
{
  g_autoptr(AdwApplication) app = adw_application_new ("io.github.accredit.BenchReference",
                                                       G_APPLICATION_NON_UNIQUE);

  g_signal_connect (app, "window-added", G_CALLBACK (on_window_added), NULL);
  g_signal_connect (app, "activate", G_CALLBACK (on_reference_activate), NULL);
  return g_application_run (G_APPLICATION (app), 0, NULL);
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* The median time to first frame of this program started with @mode (and @db), in ms. */
static double
startup_ms (const char *self,
            const char *mode,
            const char *db)
{
  double times[N_STARTS];

  for (guint i = 0; i < N_STARTS; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *out = NULL;
      const char *argv[] = { self, mode, db, NULL };
      gint64 start = g_get_monotonic_time ();
      int status = 0;

      if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                         &out, NULL, &status, &error) || status != 0)
        {
          g_printerr ("bench-app: %s did not paint: %s\n", mode,
                      error != NULL ? error->message : "exit status");
          exit (1);
        }
      times[i] = (g_ascii_strtoll (out, NULL, 10) - start) / 1000.0;
    }

  qsort (times, N_STARTS, sizeof times[0], compare_double);
  return times[N_STARTS / 2];
}

/* @store's demo assessment certified for real, and copies of that credential for every
 * other passed assessment of the module. */
static void
make_credentials (AcrStore *store,
                  const char *key_dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AcrIdentityRecord) record = NULL;
  g_autoptr(AcrSigningIdentity) identity = NULL;
  g_autoptr(AcrCredential) credential = NULL;
  g_autofree char *sql = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  acr_identity_store_set_key_dir (store, key_dir);
  record = acr_identity_store_create (store, 1, ACR_KEY_TYPE_ED25519, "Bench", NULL, 365,
                                      "bench passphrase", &error);
  bench_die_on_error (error, "key");
  identity = acr_identity_store_open (store, acr_identity_record_get_id (record),
                                      "bench passphrase", NULL, NULL, &error);
  bench_die_on_error (error, "unlock");
  stmt = _acr_store_prepare (store, "SELECT id FROM assessment WHERE passed = 1 ORDER BY id "
                                    "LIMIT 1", &error);
  bench_die_on_error (error, "query");
  g_assert (_acr_store_step (store, stmt, NULL) == SQLITE_ROW);
  credential = acr_issue_credential (store, identity, sqlite3_column_int64 (stmt, 0), NULL,
                                     &error);
  bench_die_on_error (error, "issue");

  sql = g_strdup_printf (
    "INSERT INTO credential (uuid, learner_id, module_id, assessment_id, issued_at, "
    "                        document, sha256, signer_fingerprint, created_at) "
    "  SELECT 'urn:uuid:bench-' || a.id, a.learner_id, a.module_id, a.id, c.issued_at, "
    "         c.document, c.sha256, c.signer_fingerprint, c.created_at "
    "  FROM assessment a, credential c "
    "  WHERE c.id = %lld AND a.id <> c.assessment_id AND a.passed = 1;",
    (long long) acr_credential_get_id (credential));
  acr_store_begin (store, &error);
  bench_die_on_error (error, "begin");
  _acr_store_exec (store, sql, &error);
  bench_die_on_error (error, "credentials");
  acr_store_commit (store, &error);
  bench_die_on_error (error, "commit");
}

/* ms until the count and the first row of the registry's search for @needle are known. */
static double
search_ms (AcrStore   *store,
           const char *needle,
           guint      *n_found)
{
  g_autoptr(AcrPagedList) list = NULL;
  g_autoptr(GObject) first = NULL;
  double start = bench_now_s ();

  list = acr_credential_list (store, needle);
  *n_found = g_list_model_get_n_items (G_LIST_MODEL (list));
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  return (bench_now_s () - start) * 1000;
}

/* ms of a raw scan of every credential's learner for @needle. */
static double
raw_search_ms (AcrStore   *store,
               const char *needle)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  double start = bench_now_s ();

  stmt = _acr_store_prepare (store,
                             "SELECT count(*) FROM credential c JOIN learner l "
                             "ON l.id = c.learner_id WHERE instr (l.given_name || ' ' || "
                             "l.family_name, ?1) > 0", &error);
  bench_die_on_error (error, "raw query");
  sqlite3_bind_text (stmt, 1, needle, -1, SQLITE_TRANSIENT);
  g_assert (_acr_store_step (store, stmt, NULL) == SQLITE_ROW);
  return (bench_now_s () - start) * 1000;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autofree char *self = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *empty_db = NULL;
  g_autofree char *full_db = NULL;
  g_autofree char *key_dir = NULL;
  g_autofree char *needle = NULL;
  g_autoptr(AcrStore) store = NULL;
  double reference, empty, full, ours, raw;
  gint64 module_id;
  guint n_found = 0;
  int n = 100000;
  GOptionEntry entries[] = {
    { "n", 0, 0, G_OPTION_ARG_INT, &n, "How many credentials", "N" },
    { NULL }
  };

  if (argc == 3 && g_str_equal (argv[1], "--child-app"))
    return child_app (argv[2]);
  if (argc >= 2 && g_str_equal (argv[1], "--child-reference"))
    return child_reference ();

  g_set_prgname ("bench-app");
  context = g_option_context_new (NULL);
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || n < 2)
    {
      g_printerr ("bench-app: %s\n", error != NULL ? error->message : "--n is too small");
      return 2;
    }

  self = g_canonicalize_filename (argv[0], NULL);
  dir = g_dir_make_tmp ("acr-bench-app-XXXXXX", &error);
  bench_die_on_error (error, "folder");
  empty_db = g_build_filename (dir, "empty.db", NULL);
  key_dir = g_build_filename (dir, "keys", NULL);

  store = bench_make_store (dir, n - 1, &module_id);
  make_credentials (store, key_dir);

  /* The search first: the startups below must not warm SQLite's cache for it. */
  needle = g_strdup_printf ("Given%d", n / 2);
  raw = raw_search_ms (store, needle);
  ours = search_ms (store, needle, &n_found);
  g_clear_object (&store);

  reference = startup_ms (self, "--child-reference", "");
  empty = startup_ms (self, "--child-app", empty_db);
  full_db = g_build_filename (dir, "bench.db", NULL);
  full = startup_ms (self, "--child-app", full_db);

  printf ("startup-reference %.0f ms\n", reference);
  printf ("startup-empty %.0f ms ratio %.2f\n", empty, empty / reference);
  printf ("startup-%d %.0f ms ratio %.2f\n", n, full, full / reference);
  printf ("search-%d %.1f ms raw %.1f ms ratio %.2f found %u\n", n, ours, raw, ours / raw,
          n_found);

  bench_remove_dir (dir);
  return 0;
}
