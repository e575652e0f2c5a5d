/* SPDX-License-Identifier: GPL-3.0-or-later */

/* How fast a batch issues credentials, per key type, against the raw signing rate of the same
 * key on all processors measured in the same run (gnutls_privkey_sign_data2 from one thread
 * per processor), and whether memory stays flat in the batch size.
 *
 * Each (key type, batch size) runs in a child process of its own, on a fresh database in a
 * temporary folder with the demo data and N learners with a passed assessment (made by SQL,
 * not timed). The child prints its rates; the parent reads the child's peak RSS from wait4().
 * After the runs, the single-thread cost of each step per credential (build, sign with
 * XMLDSig, raw signature, store) shows where the time goes.
 *
 * Rates are wall clock (the batch is parallel): other load on the machine lowers both, and
 * not always alike. So the CPU ratio is printed too: CPU time per signature of the raw run over
 * CPU time per credential of the batch (all threads, user and system), which other load
 * disturbs much less; on an idle machine with every processor busy the two agree.
 *
 *   bench-issuance [--n N] [--types rsa,ecdsa,ed25519] [--workers N]
 *
 * Without --n, batches of 1,000 and 10,000 are run. */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <gnutls/abstract.h>

#include "acr-core.h"
#include "acr-store-private.h"
#include "acr-xml.h"
#include "bench-common.h"

/* How long the raw signing rate is measured. */
#define RAW_SECONDS 2.0

typedef struct
{
  const char *name;
  const char *nick;
  AcrKeyType  type;
} KeySpec;

static const KeySpec key_specs[] = {
  { "RSA-3072", "rsa", ACR_KEY_TYPE_RSA },
  { "ECDSA-P256", "ecdsa", ACR_KEY_TYPE_ECDSA },
  { "Ed25519", "ed25519", ACR_KEY_TYPE_ED25519 },
};

typedef struct
{
  gnutls_privkey_t        key;
  gnutls_sign_algorithm_t algorithm;
  double                  until;
  guint                   count;
} RawWorker;

static gpointer
raw_sign_thread (gpointer data)
{
  RawWorker *w = data;
  /* About the size of a canonical SignedInfo. */
  guint8 buffer[700];
  gnutls_datum_t in = { buffer, sizeof buffer };

  memset (buffer, 'x', sizeof buffer);
  while (bench_now_s () < w->until)
    {
      gnutls_datum_t sig = { NULL, 0 };

      buffer[w->count % sizeof buffer]++;
      if (gnutls_privkey_sign_data2 (w->key, w->algorithm, 0, &in, &sig) < 0)
        g_error ("raw signing failed");
      gnutls_free (sig.data);
      w->count++;
    }

  return NULL;
}

/* Signatures per second of @identity's key on @n_threads threads at once; CPU seconds per
 * signature in *@cpu_per_sig (may be NULL). */
static double
raw_rate (AcrSigningIdentity *identity,
          guint               n_threads,
          double             *cpu_per_sig)
{
  g_autofree RawWorker *workers = g_new0 (RawWorker, n_threads);
  g_autofree GThread **threads = g_new0 (GThread *, n_threads);
  double cpu_start = bench_cpu_s ();
  double start = bench_now_s ();
  guint total = 0;

  for (guint i = 0; i < n_threads; i++)
    {
      workers[i].key = acr_signing_identity_get_privkey (identity);
      workers[i].algorithm = acr_signing_identity_get_sign_algorithm (identity);
      workers[i].until = start + RAW_SECONDS;
      threads[i] = g_thread_new ("raw-sign", raw_sign_thread, &workers[i]);
    }
  for (guint i = 0; i < n_threads; i++)
    {
      g_thread_join (threads[i]);
      total += workers[i].count;
    }

  if (cpu_per_sig != NULL)
    *cpu_per_sig = (bench_cpu_s () - cpu_start) / total;
  return total / (bench_now_s () - start);
}

/* One run in a child: prints "issued rate raw ratio" on stdout as one line. */
static int
child_run (const KeySpec *spec,
           guint          n,
           guint          n_workers)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AcrSigningIdentity) identity = NULL;
  g_autoptr(AcrStore) store = NULL;
  g_autoptr(AcrIssuanceBatch) batch = NULL;
  g_autofree char *dir = g_dir_make_tmp ("acr-bench-issuance-XXXXXX", NULL);
  g_autofree char *command = NULL;
  struct rusage usage;
  gint64 module_id;
  double raw, start, seconds, rate, raw_cpu, cpu_start, batch_cpu;
  long setup_rss;

  store = bench_make_store (dir, n, &module_id);
  getrusage (RUSAGE_SELF, &usage);
  setup_rss = usage.ru_maxrss;

  identity = acr_signing_identity_generate (spec->type, "Bench-Kammer", "Bench-Kammer", "DE",
                                            30, &error);
  bench_die_on_error (error, "key");

  raw = raw_rate (identity, n_workers, &raw_cpu);

  batch = acr_issuance_batch_new_for_module (store, identity, module_id);
  acr_issuance_batch_set_n_workers (batch, n_workers);
  cpu_start = bench_cpu_s ();
  start = bench_now_s ();
  acr_issuance_batch_run (batch, NULL, &error);
  seconds = bench_now_s () - start;
  batch_cpu = (bench_cpu_s () - cpu_start) / acr_issuance_batch_get_issued (batch);
  bench_die_on_error (error, "batch");

  if (acr_issuance_batch_get_issued (batch) != n + 1)
    {
      g_printerr ("bench-issuance: issued %u of %u\n", acr_issuance_batch_get_issued (batch),
                  n + 1);
      return 1;
    }

  rate = acr_issuance_batch_get_issued (batch) / seconds;
  printf ("%u %.3f %.1f %.1f %ld %.4f\n", acr_issuance_batch_get_issued (batch), seconds, rate,
          raw, setup_rss, raw_cpu / batch_cpu);
  fflush (stdout);

  g_clear_object (&batch);
  g_clear_object (&store);
  command = g_strdup_printf ("rm -rf '%s'", dir);
  if (system (command) != 0)
    g_printerr ("bench-issuance: could not remove %s\n", dir);
  return 0;
}

typedef struct
{
  double rate;
  double raw;
  double cpu_ratio;
  long   peak_rss_kb;
  long   setup_rss_kb;
} Result;

static gboolean
run_in_child (const KeySpec *spec,
              guint          n,
              guint          n_workers,
              Result        *result)
{
  int fds[2];
  pid_t pid;
  int status = 0;
  struct rusage usage;
  char line[256] = "";
  FILE *in;
  guint issued;
  double seconds;

  if (pipe (fds) != 0)
    return FALSE;

  fflush (stdout);
  pid = fork ();
  if (pid == 0)
    {
      close (fds[0]);
      dup2 (fds[1], STDOUT_FILENO);
      _exit (child_run (spec, n, n_workers));
    }

  close (fds[1]);
  in = fdopen (fds[0], "r");
  if (fgets (line, sizeof line, in) == NULL)
    line[0] = '\0';
  fclose (in);

  if (wait4 (pid, &status, 0, &usage) != pid || !WIFEXITED (status) ||
      WEXITSTATUS (status) != 0)
    return FALSE;

  if (sscanf (line, "%u %lf %lf %lf %ld %lf", &issued, &seconds, &result->rate, &result->raw,
              &result->setup_rss_kb, &result->cpu_ratio) != 6)
    return FALSE;

  result->peak_rss_kb = usage.ru_maxrss;
  printf ("%-10s  %6u  %7.1f s  %8.1f /s  %8.1f /s  %5.2f  %9.2f  %7.1f MB  (%.1f MB before "
          "the batch)\n",
          spec->name, issued, seconds, result->rate, result->raw, result->rate / result->raw,
          result->cpu_ratio, result->peak_rss_kb / 1024.0, result->setup_rss_kb / 1024.0);
  fflush (stdout);
  return TRUE;
}

/* The single-thread cost of each step of one credential, for @spec's key. */
static void
profile_steps (const KeySpec *spec)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AcrSigningIdentity) identity = NULL;
  g_autoptr(AcrStore) store = NULL;
  g_autofree char *dir = g_dir_make_tmp ("acr-bench-issuance-XXXXXX", NULL);
  g_autofree char *command = NULL;
  g_autoptr(GDateTime) issued = g_date_time_new_now_utc ();
  g_autoptr(GPtrArray) docs = g_ptr_array_new ();
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gnutls_x509_crt_t *chain;
  guint n_chain = 0;
  const guint n = 200;
  double t_build, t_sign, t_raw, t_single, start;
  gint64 module_id;
  gint64 first;
  guint i;

  store = bench_make_store (dir, n, &module_id);
  identity = acr_signing_identity_generate (spec->type, "Bench-Kammer", "Bench-Kammer", "DE",
                                            30, &error);
  bench_die_on_error (error, "key");
  chain = acr_signing_identity_get_chain (identity, &n_chain);

  stmt = _acr_store_prepare (store, "SELECT min(id) FROM assessment WHERE assessor IS NOT NULL "
                                    "AND learner_id IN (SELECT id FROM learner WHERE "
                                    "external_id GLOB 'BENCH-*')", &error);
  bench_die_on_error (error, "query");
  g_assert (_acr_store_step (store, stmt, NULL) == SQLITE_ROW);
  first = sqlite3_column_int64 (stmt, 0);

  start = bench_now_s ();
  for (i = 0; i < n; i++)
    {
      g_autofree char *uuid = acr_uuid_urn_new ();
      xmlDoc *doc = acr_credential_document_build (store, first + i, uuid, issued, NULL, &error);

      bench_die_on_error (error, "build");
      g_ptr_array_add (docs, doc);
    }
  t_build = (bench_now_s () - start) / n;

  start = bench_now_s ();
  for (i = 0; i < n; i++)
    {
      acr_xmldsig_sign (g_ptr_array_index (docs, i), acr_signing_identity_get_privkey (identity),
                        chain, n_chain, &error);
      bench_die_on_error (error, "sign");
    }
  t_sign = (bench_now_s () - start) / n;
  for (i = 0; i < n; i++)
    xmlFreeDoc (g_ptr_array_index (docs, i));

  t_raw = 1.0 / raw_rate (identity, 1, NULL);

  /* The whole of one credential, single: build, sign, store (with its commit). */
  start = bench_now_s ();
  for (i = 0; i < 50; i++)
    {
      g_autoptr(AcrCredential) credential = acr_issue_credential (store, identity,
                                                                  first + n - 1 - i, NULL,
                                                                  &error);
      bench_die_on_error (error, "issue");
    }
  t_single = (bench_now_s () - start) / 50;

  printf ("%-10s  build %.2f ms  xmldsig sign %.2f ms (raw signature %.2f ms, XML %.2f ms)  "
          "store+commit %.2f ms  = one by one %.2f ms\n",
          spec->name, t_build * 1000, t_sign * 1000, t_raw * 1000, (t_sign - t_raw) * 1000,
          (t_single - t_build - t_sign) * 1000, t_single * 1000);

  g_clear_object (&store);
  command = g_strdup_printf ("rm -rf '%s'", dir);
  if (system (command) != 0)
    g_printerr ("bench-issuance: could not remove %s\n", dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *types = NULL;
  g_auto(GStrv) wanted = NULL;
  int n = 0;
  int n_workers = 0;
  guint sizes[2] = { 1000, 10000 };
  guint n_sizes = 2;
  gboolean ok = TRUE;
  const GOptionEntry entries[] = {
    { "n", 0, 0, G_OPTION_ARG_INT, &n, "Credentials per batch (default: 1000 and 10000)", "N" },
    { "types", 0, 0, G_OPTION_ARG_STRING, &types, "Key types (default: rsa,ecdsa,ed25519)",
      "LIST" },
    { "workers", 0, 0, G_OPTION_ARG_INT, &n_workers, "Signing threads (default: processors)",
      "N" },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || n < 0 || n_workers < 0)
    {
      g_printerr ("bench-issuance: %s\n", error ? error->message : "bad value");
      return 2;
    }
  if (n > 0)
    {
      sizes[0] = (guint) n;
      n_sizes = 1;
    }
  if (n_workers == 0)
    n_workers = (int) g_get_num_processors ();
  wanted = g_strsplit (types != NULL ? types : "rsa,ecdsa,ed25519", ",", -1);

  printf ("Batch issuance, %d signing threads on %u processors; rates are wall clock.\n"
          "The batch counts the demo's learner too (N + 1 credentials).\n\n",
          n_workers, g_get_num_processors ());
  printf ("%-10s  %6s  %9s  %11s  %11s  %5s  %9s  %10s\n", "key", "issued", "time", "batch",
          "raw sign", "ratio", "CPU ratio", "peak RSS");

  for (guint k = 0; k < G_N_ELEMENTS (key_specs); k++)
    {
      Result results[2] = { { 0, } };

      if (!g_strv_contains ((const char * const *) wanted, key_specs[k].nick))
        continue;

      for (guint s = 0; s < n_sizes; s++)
        if (!run_in_child (&key_specs[k], sizes[s], (guint) n_workers, &results[s]))
          {
            g_printerr ("bench-issuance: the run of %s with %u failed\n", key_specs[k].name,
                        sizes[s]);
            ok = FALSE;
          }

      if (n_sizes == 2 && results[0].peak_rss_kb > 0 && results[1].peak_rss_kb > 0)
        printf ("%-10s  peak RSS growth 1,000 → 10,000 during the batch: %+.1f MB "
                "(%.1f → %.1f MB over the set-up)\n",
                key_specs[k].name,
                ((results[1].peak_rss_kb - results[1].setup_rss_kb) -
                 (results[0].peak_rss_kb - results[0].setup_rss_kb)) / 1024.0,
                (results[0].peak_rss_kb - results[0].setup_rss_kb) / 1024.0,
                (results[1].peak_rss_kb - results[1].setup_rss_kb) / 1024.0);
    }

  printf ("\nWhere the time goes, per credential on one thread:\n");
  for (guint k = 0; k < G_N_ELEMENTS (key_specs); k++)
    if (g_strv_contains ((const char * const *) wanted, key_specs[k].nick))
      profile_steps (&key_specs[k]);

  return ok ? 0 : 1;
}
