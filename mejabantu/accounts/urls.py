from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from mejabantu.accounts import views
from mejabantu.accounts.forms import OutboxPasswordResetForm

app_name = "accounts"
urlpatterns = [
    path("masuk/", views.LoginView.as_view(), name="login"),
    path("token/", views.tokens, name="tokens"),
    path("token/<int:pk>/cabut/", views.token_revoke, name="token_revoke"),
    path("keluar/", auth_views.LogoutView.as_view(), name="logout"),
    path("undang/", views.invite, name="invite"),
    path("undangan/<uidb64>/<token>/", views.InviteAcceptView.as_view(), name="invite_accept"),
    path("kantor/<str:code>/orang/", views.people, name="people"),
    path(
        "kantor/<str:code>/orang/<int:pk>/<slug:what>/",
        views.person_change,
        name="person_change",
    ),
    path("kata-sandi/", views.PasswordChangeView.as_view(), name="password_change"),
    path(
        "kata-sandi/selesai/",
        auth_views.PasswordChangeDoneView.as_view(
            template_name="accounts/password_change_done.html"
        ),
        name="password_change_done",
    ),
    path(
        "lupa-kata-sandi/",
        auth_views.PasswordResetView.as_view(
            template_name="accounts/password_reset.html",
            form_class=OutboxPasswordResetForm,
            email_template_name="accounts/password_reset_email.txt",
            subject_template_name="accounts/password_reset_subject.txt",
            success_url=reverse_lazy("accounts:password_reset_done"),
        ),
        name="password_reset",
    ),
    path(
        "lupa-kata-sandi/terkirim/",
        auth_views.PasswordResetDoneView.as_view(template_name="accounts/password_reset_done.html"),
        name="password_reset_done",
    ),
    path(
        "atur-ulang/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            template_name="accounts/password_reset_confirm.html",
            success_url=reverse_lazy("accounts:password_reset_complete"),
        ),
        name="password_reset_confirm",
    ),
    path(
        "atur-ulang/selesai/",
        auth_views.PasswordResetCompleteView.as_view(
            template_name="accounts/password_reset_complete.html"
        ),
        name="password_reset_complete",
    ),
]
