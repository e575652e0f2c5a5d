/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Runs a fuzz target over files without libFuzzer: each argument is a file or a folder of
 * files (the seed corpus and the inputs of crashes found and fixed), each fed once to
 * LLVMFuzzerTestOneInput. Built into the normal test suite, so every corpus file is a
 * regression test with any compiler. */

#include "config.h"

#include <stdio.h>

#include "acr-fuzz-common.h"

static guint n_inputs;

static void
run_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, &error))
    g_error ("%s", error->message);
  LLVMFuzzerTestOneInput ((const uint8_t *) contents, length);
  n_inputs++;
}

static void
run_path (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      run_file (path);
      return;
    }

  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_build_filename (path, name, NULL));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  for (guint i = 0; i < names->len; i++)
    run_path (g_ptr_array_index (names, i));
}

int
main (int   argc,
      char *argv[])
{
  for (int i = 1; i < argc; i++)
    run_path (argv[i]);

  if (n_inputs == 0)
    {
      g_printerr ("no inputs\n");
      return 1;
    }
  printf ("1..1\nok 1 - %u inputs\n", n_inputs);
  return 0;
}
