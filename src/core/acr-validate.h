/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Private checks of the form of values that several domain types store: email addresses,
 * country codes, web addresses. They say only whether a value is well formed; the caller
 * words the error, naming the thing the value belongs to. */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* TRUE for a plausible email address: exactly one '@', a non-empty part on each side, no
 * white space or control characters, and a domain that neither starts nor ends with '.'. */
gboolean      _acr_validate_email         (const char  *email);
/* TRUE for an ISO 3166-1 alpha-2 code ("DE") or an ISO 3166-2 subdivision code ("DE-BY",
 * "AT-9"): two uppercase letters, optionally '-' and one to three uppercase letters or
 * digits. Lowercase is refused; setters uppercase with _acr_normalize_country first. */
gboolean      _acr_validate_country       (const char  *country);
/* TRUE for an absolute http or https URI with a host and no white space. */
gboolean      _acr_validate_uri           (const char  *uri);

/* A copy of @country without surrounding space, uppercased when that makes it a valid code
 * ("de-by" gives "DE-BY", "Germany" stays "Germany"); NULL for NULL or blank. Free with
 * g_free(). */
char         *_acr_normalize_country      (const char  *country);
/* NULL for NULL or "" (an unset optional text), else a copy of @value. Free with g_free(). */
char         *_acr_dup_nonempty           (const char  *value);
/* TRUE when @value is NULL or holds only white space. */
gboolean      _acr_is_blank               (const char  *value);

/* The LIKE pattern for a case-insensitive substring search of @search ("%50\%%"): '%', '_'
 * and '\' are escaped, so the SQL must say `LIKE ?1 ESCAPE '\'`. Free with g_free(). */
char         *_acr_like_pattern           (const char  *search);

G_END_DECLS
