/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

#include "acr-types.h"

G_BEGIN_DECLS

/* The namespace of the curriculum exchange document (data/schemas/curriculum.xsd). */
#define ACR_CURRICULUM_XML_NS "urn:accredit:curriculum:1"

/* The curriculum @curriculum_id as a curriculum exchange document: UTF-8, pretty-printed,
 * valid against curriculum.xsd, and the same bytes for the same data (no timestamps). Sets
 * *@len (may be NULL) to its length. NOT_FOUND for an unknown curriculum; INVALID (a sentence
 * naming what to fix) when the data cannot be written in the format, e.g. a curriculum without
 * provider or modules. The export is recorded in the audit log. Free the result with
 * g_free(). */
char    *acr_curriculum_export_xml   (AcrStore     *store,
                                      gint64        curriculum_id,
                                      gsize        *len,
                                      GError      **error);

/* Reads an untrusted curriculum exchange document and applies it in one transaction: the
 * provider (matched by legal identifier, else by name, else added), the modules (matched by
 * code and version: new ones added, drafts replaced, approved or retired ones only when
 * identical) and the curriculum (matched by code and version, else added). Returns the
 * curriculum's id, or 0 with @error set and the database unchanged. Document problems are
 * ACR_XML_ERROR values naming @display_name, the line and the element; conflicts with the
 * database are ACR_STORE_ERROR values (READ_ONLY for a changed approved module). */
gint64   acr_curriculum_import_xml   (AcrStore     *store,
                                      const char   *data,
                                      gsize         len,
                                      const char   *display_name,
                                      GError      **error);
/* The same for the file at @path (its base name names it in errors). */
gint64   acr_curriculum_import_file  (AcrStore     *store,
                                      const char   *path,
                                      GError      **error);

G_END_DECLS
