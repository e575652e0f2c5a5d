/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Untrusted framework XML through the whole import: safe parsing, schema validation and
 * the transaction that stores it (rolled back or committed). */

#include "config.h"

#include "acr-fuzz-common.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AcrFramework) framework = NULL;

  framework = acr_framework_import_xml (acr_fuzz_get_store (), (const char *) data, size,
                                        "fuzz.xml", &error);
  g_assert ((framework == NULL) == (error != NULL));
  return 0;
}
