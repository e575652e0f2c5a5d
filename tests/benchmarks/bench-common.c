/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <glib/gstdio.h>

#include "acr-store-private.h"
#include "bench-common.h"

double
bench_now_s (void)
{
  return g_get_monotonic_time () / (double) G_USEC_PER_SEC;
}

double
bench_cpu_s (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 +
         usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
}

double
bench_rss_mib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return 0;
  line = strstr (status, "VmRSS:");
  if (line == NULL)
    return 0;
  return g_ascii_strtod (line + strlen ("VmRSS:"), NULL) / 1024.0;
}

void
bench_die_on_error (GError     *error,
                    const char *what)
{
  if (error != NULL)
    {
      g_printerr ("%s: %s: %s\n", g_get_prgname (), what, error->message);
      exit (1);
    }
}

AcrStore *
bench_make_store (const char *dir,
                  guint       n,
                  gint64     *module_id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, "bench.db", NULL);
  g_autofree char *sql = NULL;
  g_autofree char *now = _acr_now_iso8601 ();
  g_autoptr(sqlite3_stmt) stmt = NULL;
  AcrStore *store;
  gint64 demo;

  store = acr_store_open (path, &error);
  bench_die_on_error (error, "open");
  acr_seed_demo (store, &error);
  bench_die_on_error (error, "seed");

  stmt = _acr_store_prepare (store, "SELECT id, module_id FROM assessment WHERE passed = 1 "
                                    "ORDER BY id LIMIT 1", &error);
  bench_die_on_error (error, "query");
  g_assert (_acr_store_step (store, stmt, NULL) == SQLITE_ROW);
  demo = sqlite3_column_int64 (stmt, 0);
  *module_id = sqlite3_column_int64 (stmt, 1);

  sql = g_strdup_printf (
    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %u) "
    "INSERT INTO learner (given_name, family_name, external_id, created_at, updated_at) "
    "  SELECT 'Given' || i, 'Bench', 'BENCH-' || i, '%s', '%s' FROM n;"
    "INSERT INTO assessment (learner_id, module_id, assessed_on, assessor, total, passed, "
    "                        created_at, updated_at) "
    "  SELECT l.id, a.module_id, a.assessed_on, a.assessor, a.total, 1, '%s', '%s' "
    "  FROM learner l, assessment a WHERE a.id = %lld AND l.external_id GLOB 'BENCH-*';"
    "INSERT INTO assessment_result (assessment_id, criterion_id, level_id) "
    "  SELECT b.id, r.criterion_id, r.level_id FROM assessment b, assessment_result r "
    "  WHERE r.assessment_id = %lld AND b.id <> %lld;",
    n, now, now, now, now, (long long) demo, (long long) demo, (long long) demo);

  acr_store_begin (store, &error);
  bench_die_on_error (error, "begin");
  _acr_store_exec (store, sql, &error);
  bench_die_on_error (error, "learners");
  acr_store_commit (store, &error);
  bench_die_on_error (error, "commit");

  return store;
}

void
bench_remove_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *child = g_build_filename (dir, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        bench_remove_dir (child);
      else
        g_remove (child);
    }
  g_rmdir (dir);
}
