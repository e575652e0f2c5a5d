/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Soak: issue 100,000 credentials in one batch, then verify every one of them the way the
 * Verify page does (acr_verify_document: signature, certificate, trust, registry), and
 * check that memory stays flat: the resident set size is read at every tenth of each phase
 * and the first tenth is compared with the last. Also times the registry's search over all
 * of them (the first page of matches and the count, as the Credentials list asks).
 *
 *   bench-soak [--n N]        (default 100,000)
 *
 * Prints one table; exits 1 when a credential is not issued or does not verify, or when
 * the last tenth's RSS exceeds the first tenth's by more than 10 %. */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "acr-core.h"
#include "acr-store-private.h"
#include "bench-common.h"

#define PASSPHRASE "soak passphrase"
#define N_TENTHS 10

typedef struct
{
  double rss[N_TENTHS + 1];   /* at 0 %, 10 %, …, 100 % */
  double at[N_TENTHS + 1];
  guint  next;
} Samples;

static void
sample (Samples *s,
        guint    done,
        guint    total)
{
  while (s->next <= N_TENTHS && (guint64) done * N_TENTHS >= (guint64) s->next * total)
    {
      s->rss[s->next] = bench_rss_mib ();
      s->at[s->next] = bench_now_s ();
      s->next++;
    }
}

static void
on_progress (AcrIssuanceBatch *batch,
             guint             done,
             guint             total,
             gpointer          user_data)
{
  sample (user_data, done, total);
}

/* The mean RSS over the first and over the last tenth of a phase. */
static void
report (const char    *phase,
        const Samples *s,
        guint          n,
        gboolean      *flat)
{
  double first = (s->rss[0] + s->rss[1]) / 2;
  double last = (s->rss[N_TENTHS - 1] + s->rss[N_TENTHS]) / 2;
  double seconds = s->at[N_TENTHS] - s->at[0];

  printf ("| %-9s | %7u | %7.1f s | %8.0f /s | %8.1f MiB | %8.1f MiB | %5.2f |\n", phase, n,
          seconds, n / seconds, first, last, last / first);
  if (last > first * 1.10)
    *flat = FALSE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autofree char *dir = NULL;
  g_autoptr(AcrStore) store = NULL;
  g_autoptr(AcrIdentityRecord) record = NULL;
  g_autoptr(AcrSigningIdentity) identity = NULL;
  g_autoptr(AcrIssuanceBatch) batch = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  Samples issuing = { 0 };
  Samples verifying = { 0 };
  gint64 module_id;
  int n = 100000;
  guint n_valid = 0;
  guint n_seen = 0;
  gboolean flat = TRUE;
  double start;
  double search_ms;
  double count_ms;
  guint n_found;
  GOptionEntry entries[] = {
    { "n", 0, 0, G_OPTION_ARG_INT, &n, "How many credentials", "N" },
    { NULL }
  };

  g_set_prgname ("bench-soak");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || n < N_TENTHS)
    {
      g_printerr ("bench-soak: %s\n", error != NULL ? error->message : "--n is too small");
      return 2;
    }

  dir = g_dir_make_tmp ("acr-bench-soak-XXXXXX", &error);
  bench_die_on_error (error, "folder");
  /* The demo learner's assessment is certified too: n + 1 in all. */
  store = bench_make_store (dir, n - 1, &module_id);
  acr_identity_store_set_key_dir (store, dir);
  record = acr_identity_store_create (store, 1, ACR_KEY_TYPE_ED25519, "Soak", NULL, 365,
                                      PASSPHRASE, &error);
  bench_die_on_error (error, "key");
  identity = acr_identity_store_open (store, acr_identity_record_get_id (record), PASSPHRASE,
                                      NULL, NULL, &error);
  bench_die_on_error (error, "unlock");

  /* Issuing. */
  batch = acr_issuance_batch_new_for_module (store, identity, module_id);
  acr_issuance_batch_set_progress_func (batch, on_progress, &issuing, NULL);
  sample (&issuing, 0, n);
  acr_issuance_batch_run (batch, NULL, &error);
  bench_die_on_error (error, "batch");
  sample (&issuing, n, n);
  if (acr_issuance_batch_get_issued (batch) != (guint) n)
    {
      g_printerr ("bench-soak: issued %u of %d\n", acr_issuance_batch_get_issued (batch), n);
      return 1;
    }

  /* Verifying every one, reading them back one at a time. */
  stmt = _acr_store_prepare (store, "SELECT document FROM credential ORDER BY id", &error);
  bench_die_on_error (error, "query");
  sample (&verifying, 0, n);
  while (_acr_store_step (store, stmt, &error) == SQLITE_ROW)
    {
      g_autoptr(AcrVerification) verification = NULL;

      verification = acr_verify_document (store, sqlite3_column_blob (stmt, 0),
                                          sqlite3_column_bytes (stmt, 0), "credential", NULL,
                                          now);
      if (acr_verification_is_valid (verification))
        n_valid++;
      else if (n_valid == n_seen)
        g_printerr ("bench-soak: not valid: %s\n", acr_verification_get_summary (verification));
      n_seen++;
      sample (&verifying, n_seen, n);
    }
  bench_die_on_error (error, "read");
  g_clear_pointer (&stmt, sqlite3_finalize);

  /* Searching the registry for one learner among all: the count and the first row. */
  {
    g_autoptr(AcrPagedList) list = NULL;
    g_autoptr(GObject) first = NULL;
    g_autofree char *needle = g_strdup_printf ("Given%d", n / 2);

    start = bench_now_s ();
    list = acr_credential_list (store, needle);
    n_found = g_list_model_get_n_items (G_LIST_MODEL (list));
    count_ms = (bench_now_s () - start) * 1000;
    first = g_list_model_get_item (G_LIST_MODEL (list), 0);
    search_ms = (bench_now_s () - start) * 1000;
  }

  printf ("\nSoak of %d credentials (Ed25519), %s\n\n", n, dir);
  printf ("| phase     |       n |      time |        rate | RSS first 10%% | RSS last 10%% | ratio |\n");
  printf ("|-----------|---------|-----------|-------------|--------------|-------------|-------|\n");
  report ("issue", &issuing, n, &flat);
  report ("verify", &verifying, n, &flat);
  printf ("\nValid: %u of %u. Search \"Given%d\": %u found, count %.1f ms, first row %.1f ms.\n",
          n_valid, n_seen, n / 2, n_found, count_ms, search_ms);
  printf ("Memory %s.\n", flat ? "flat (last tenth within 10 % of the first)" : "GROWS");

  g_clear_object (&batch);
  g_clear_object (&identity);
  g_clear_object (&store);
  bench_remove_dir (dir);

  return (n_valid == (guint) n && n_seen == (guint) n && flat) ? 0 : 1;
}
