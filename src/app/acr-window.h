/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "acr-core.h"

G_BEGIN_DECLS

#define ACR_TYPE_WINDOW (acr_window_get_type ())

G_DECLARE_FINAL_TYPE (AcrWindow, acr_window, ACR, WINDOW, AdwApplicationWindow)

/* A window on @store; @application may be NULL (tests). */
AcrWindow  *acr_window_new          (GtkApplication *application,
                                     AcrStore       *store);
AcrStore   *acr_window_get_store    (AcrWindow      *self);
/* The name of the place shown: "curricula", "modules", "frameworks", "review", "learners",
 * "issue", "credentials" or "verify". */
const char *acr_window_get_place    (AcrWindow      *self);
/* Shows @place; an unknown name is ignored. */
void        acr_window_set_place    (AcrWindow      *self,
                                     const char     *place);
void        acr_window_show_toast   (AcrWindow      *self,
                                     const char     *message);
/* Shows @toast (floating reference taken), e.g. one with an Undo button. */
void        acr_window_add_toast    (AcrWindow      *self,
                                     AdwToast       *toast);
/* Shows the sentence of @error as a toast that stays longer than a plain one. */
void        acr_window_show_error   (AcrWindow      *self,
                                     const GError   *error);

G_END_DECLS
