/* SPDX-License-Identifier: GPL-3.0-or-later */

/* accredit-cli: see acr-cli.c; everything but this entry point lives in libaccredit_cli. */

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "acr-cli.h"

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  return acr_cli_run (argc, argv);
}
