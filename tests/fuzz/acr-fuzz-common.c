/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <stdlib.h>
#include <glib/gstdio.h>

#include "acr-fuzz-common.h"

static AcrStore *store;
static char *dir;
static char *path;

static void
remove_store (void)
{
  const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  g_clear_object (&store);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_remove (file);
    }
  g_rmdir (dir);
}

AcrStore *
acr_fuzz_get_store (void)
{
  g_autoptr(GError) error = NULL;

  if (store != NULL)
    return store;

  /* The fuzzer's own output is what matters; keep GLib's debug messages out of it. */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL);
  if (g_file_test ("/dev/shm", G_FILE_TEST_IS_DIR))
    dir = g_build_filename ("/dev/shm", "acr-fuzz-XXXXXX", NULL);
  else
    dir = g_build_filename (g_get_tmp_dir (), "acr-fuzz-XXXXXX", NULL);
  if (g_mkdtemp (dir) == NULL)
    g_error ("cannot make %s", dir);
  path = g_build_filename (dir, "fuzz.db", NULL);
  store = acr_store_open (path, &error);
  if (store == NULL || !acr_seed_demo (store, &error))
    g_error ("cannot open the fuzzing store: %s", error->message);
  atexit (remove_store);

  return store;
}
