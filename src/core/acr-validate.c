/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Checks of the form of shared kinds of values (see acr-validate.h).
 *
 * These functions never touch the database and never set an error: the domain types call
 * them from their validate functions and word the message themselves, so that it names the
 * organisation, learner or framework concerned. They accept ASCII forms only, which is what
 * ISO 3166 codes and URIs are; an email address may carry UTF-8 in its parts. */

#define G_LOG_DOMAIN "acr-validate"

#include "config.h"

#include <string.h>

#include "acr-validate.h"

static gboolean
has_space_or_control (const char *s)
{
  for (const char *p = s; *p != '\0'; p++)
    if (g_ascii_isspace (*p) || g_ascii_iscntrl (*p))
      return TRUE;

  return FALSE;
}

gboolean
_acr_validate_email (const char *email)
{
  const char *at;
  const char *domain;

  if (email == NULL || !g_utf8_validate (email, -1, NULL) || has_space_or_control (email))
    return FALSE;

  at = strchr (email, '@');
  if (at == NULL || at == email || strchr (at + 1, '@') != NULL)
    return FALSE;

  domain = at + 1;
  if (domain[0] == '\0' || domain[0] == '.' || g_str_has_suffix (domain, ".") ||
      strstr (domain, "..") != NULL)
    return FALSE;

  return TRUE;
}

gboolean
_acr_validate_country (const char *country)
{
  gsize len;

  if (country == NULL)
    return FALSE;

  len = strlen (country);
  if (len != 2 && (len < 4 || len > 6))
    return FALSE;

  if (!g_ascii_isupper (country[0]) || !g_ascii_isupper (country[1]))
    return FALSE;

  if (len == 2)
    return TRUE;

  if (country[2] != '-')
    return FALSE;

  for (gsize i = 3; i < len; i++)
    if (!g_ascii_isupper (country[i]) && !g_ascii_isdigit (country[i]))
      return FALSE;

  return TRUE;
}

gboolean
_acr_validate_uri (const char *uri)
{
  g_autoptr(GUri) parsed = NULL;
  const char *scheme;
  const char *host;

  if (uri == NULL || has_space_or_control (uri))
    return FALSE;

  parsed = g_uri_parse (uri, G_URI_FLAGS_NONE, NULL);
  if (parsed == NULL)
    return FALSE;

  scheme = g_uri_get_scheme (parsed);
  host = g_uri_get_host (parsed);

  if (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0)
    return FALSE;

  return host != NULL && host[0] != '\0';
}

char *
_acr_normalize_country (const char *country)
{
  g_autofree char *copy = NULL;
  g_autofree char *upper = NULL;

  if (country == NULL)
    return NULL;

  copy = g_strstrip (g_strdup (country));
  if (copy[0] == '\0')
    return NULL;

  /* Only a value that becomes a code is uppercased, so an error still quotes what was typed. */
  upper = g_ascii_strup (copy, -1);
  if (_acr_validate_country (upper))
    return g_steal_pointer (&upper);

  return g_steal_pointer (&copy);
}

char *
_acr_dup_nonempty (const char *value)
{
  if (value == NULL || value[0] == '\0')
    return NULL;

  return g_strdup (value);
}

gboolean
_acr_is_blank (const char *value)
{
  if (value == NULL)
    return TRUE;

  for (const char *p = value; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;

  return TRUE;
}

char *
_acr_like_pattern (const char *search)
{
  GString *pattern = g_string_new ("%");

  for (const char *p = search ? search : ""; *p != '\0'; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *p);
    }

  g_string_append_c (pattern, '%');
  return g_string_free (pattern, FALSE);
}
