/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Untrusted curriculum XML through the whole import (modules, outcomes, rubrics, levels). */

#include "config.h"

#include "acr-fuzz-common.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  gint64 id;

  id = acr_curriculum_import_xml (acr_fuzz_get_store (), (const char *) data, size,
                                  "fuzz.xml", &error);
  g_assert ((id == 0) == (error != NULL));
  return 0;
}
