/* SPDX-License-Identifier: GPL-3.0-or-later */

/* ISCED-F 2013, UNESCO's fields of education and training. */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The English name of the detailed field @code ("0613" → "Software and applications
 * development and analysis"), or NULL when @code is not an ISCED-F 2013 field. The string
 * is static. */
const char         *acr_isced_f_get_name    (const char *code);
/* TRUE when @code has the form of an ISCED-F code: exactly four digits. */
gboolean            acr_isced_f_is_code     (const char *code);
/* Every field code in the order of the classification, NULL-terminated; static. */
const char * const *acr_isced_f_list_codes  (void);

G_END_DECLS
