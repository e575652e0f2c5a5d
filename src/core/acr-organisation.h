/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

#include "acr-types.h"
#include "acr-paged-list.h"

G_BEGIN_DECLS

#define ACR_TYPE_ORGANISATION (acr_organisation_get_type ())

G_DECLARE_FINAL_TYPE (AcrOrganisation, acr_organisation, ACR, ORGANISATION, GObject)

AcrOrganisation *acr_organisation_new            (void);

gint64           acr_organisation_get_id         (AcrOrganisation  *self);
const char      *acr_organisation_get_name       (AcrOrganisation  *self);
void             acr_organisation_set_name       (AcrOrganisation  *self,
                                                  const char       *name);
/* The register number (commercial register, VAT number…); NULL or "" = none. */
const char      *acr_organisation_get_legal_id   (AcrOrganisation  *self);
void             acr_organisation_set_legal_id   (AcrOrganisation  *self,
                                                  const char       *legal_id);
/* ISO 3166-1 alpha-2 ("DE") or ISO 3166-2 ("DE-BY"); the setter uppercases a valid code. */
const char      *acr_organisation_get_country    (AcrOrganisation  *self);
void             acr_organisation_set_country    (AcrOrganisation  *self,
                                                  const char       *country);
const char      *acr_organisation_get_address    (AcrOrganisation  *self);
void             acr_organisation_set_address    (AcrOrganisation  *self,
                                                  const char       *address);
/* An http or https address; NULL or "" = none. */
const char      *acr_organisation_get_web        (AcrOrganisation  *self);
void             acr_organisation_set_web        (AcrOrganisation  *self,
                                                  const char       *web);
const char      *acr_organisation_get_email      (AcrOrganisation  *self);
void             acr_organisation_set_email      (AcrOrganisation  *self,
                                                  const char       *email);
const char      *acr_organisation_get_created_at (AcrOrganisation  *self);
const char      *acr_organisation_get_updated_at (AcrOrganisation  *self);

gboolean         acr_organisation_validate       (AcrOrganisation  *self,
                                                  GError          **error);
gboolean         acr_organisation_save           (AcrOrganisation  *self,
                                                  AcrStore         *store,
                                                  GError          **error);
AcrOrganisation *acr_organisation_load           (AcrStore         *store,
                                                  gint64            id,
                                                  GError          **error);
gboolean         acr_organisation_delete         (AcrStore         *store,
                                                  gint64            id,
                                                  GError          **error);
/* Ordered by name, then id; @search matches name or legal identifier. */
AcrPagedList    *acr_organisation_list           (AcrStore         *store,
                                                  const char       *search);

G_END_DECLS
