package com.linetrace.ui.user;

import com.linetrace.contracts.Roles;
import com.linetrace.contracts.problem.ProblemException;
import com.linetrace.identity.api.NewUser;
import com.linetrace.identity.api.UserChange;
import com.linetrace.identity.api.UserSummary;
import com.linetrace.identity.api.Users;
import com.linetrace.ui.Answer;
import com.linetrace.ui.MainLayout;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.Optional;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The plant's people, for admins: create an account with its first password and roles, and for the one picked in the
 * table change its roles, disable or enable it, set a new password, or give it a badge and PIN for the station
 * terminals (a new PIN for the same badge resets the PIN). Identity applies the password and PIN rules, keeps one
 * enabled admin, audits each change and checks the role again; this view only asks and shows the answer.
 */
@Route(value = "users", layout = MainLayout.class)
@PageTitle("Users · LineTrace")
@Menu(order = 9, title = "Users")
@RolesAllowed(Roles.ADMIN)
class UsersView extends VerticalLayout {

    private final Users users;

    final Grid<UserSummary> people = new Grid<>();

    final TextField username = new TextField("User name");
    final PasswordField password = new PasswordField("First password");
    final CheckboxGroup<String> roles = new CheckboxGroup<>("Roles");
    final Button create = new Button("Create user");

    final Div selected = new Div();
    final CheckboxGroup<String> newRoles = new CheckboxGroup<>("Roles");
    final Button saveRoles = new Button("Save roles");
    final Button enable = new Button("Disable");
    final PasswordField newPassword = new PasswordField("New password");
    final Button resetPassword = new Button("Set password");
    final TextField badge = new TextField("Badge");
    final PasswordField pin = new PasswordField("PIN");
    final Button giveBadge = new Button("Give badge and PIN");
    final Button removeBadge = new Button("Remove badge");

    private final Answer answer = new Answer("users-answer");

    UsersView(Users users) {
        this.users = users;
        setWidthFull();

        people.setId("users");
        people.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        people.addColumn(UserSummary::username).setHeader("User").setAutoWidth(true);
        people.addColumn(user -> String.join(", ", user.roles()))
                .setHeader("Roles")
                .setFlexGrow(1);
        people.addColumn(user -> user.enabled() ? "enabled" : "disabled")
                .setHeader("State")
                .setAutoWidth(true);
        people.addColumn(user -> user.badge() == null ? "" : user.badge())
                .setHeader("Badge")
                .setAutoWidth(true);
        people.addColumn(user -> user.demo() ? "demo user" : "").setHeader("").setAutoWidth(true);
        people.setAllRowsVisible(true);
        people.addSelectionListener(
                selection -> select(selection.getFirstSelectedItem().orElse(null)));

        username.setId("new-username");
        username.setMaxLength(64);
        username.setHelperText("2–64 lower-case letters, digits, '.', '_', '-'");
        password.setId("new-password");
        password.setMaxLength(200);
        password.setHelperText("At least 12 characters, not the user name; a few words make a good one");
        roles.setId("new-roles");
        roles.setItems(Roles.ALL);
        create.setId("create-user");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(click -> create());
        var form = new HorizontalLayout(username, password, create);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);

        selected.setId("selected-user");
        newRoles.setId("change-roles");
        newRoles.setItems(Roles.ALL);
        saveRoles.setId("save-roles");
        saveRoles.addClickListener(click -> saveRoles());
        enable.setId("enable-user");
        enable.addClickListener(click -> toggleEnabled());
        newPassword.setId("reset-password");
        newPassword.setMaxLength(200);
        resetPassword.setId("reset-password-button");
        resetPassword.addClickListener(click -> resetPassword());
        badge.setId("badge");
        badge.setMaxLength(64);
        badge.setHelperText("Scan the badge, or type its id");
        pin.setId("pin");
        pin.setMaxLength(12);
        pin.setHelperText("6 to 12 digits, not one repeated, not a run like 123456");
        giveBadge.setId("give-badge");
        giveBadge.addClickListener(click -> giveBadge());
        removeBadge.setId("remove-badge");
        removeBadge.addClickListener(click -> removeBadge());
        var badgeRow = new HorizontalLayout(badge, pin, giveBadge, removeBadge);
        badgeRow.setAlignItems(FlexComponent.Alignment.BASELINE);
        var passwordRow = new HorizontalLayout(newPassword, resetPassword, enable);
        passwordRow.setAlignItems(FlexComponent.Alignment.BASELINE);
        var rolesRow = new HorizontalLayout(newRoles, saveRoles);
        rolesRow.setAlignItems(FlexComponent.Alignment.BASELINE);

        add(
                people,
                new H3("New user"),
                form,
                roles,
                new H3("The user picked"),
                selected,
                rolesRow,
                passwordRow,
                badgeRow,
                answer);
        reload(null);
        select(null);
    }

    void create() {
        Answer.required(username, "Give a user name")
                .flatMap(name -> answer.ask(
                        ProblemException.class,
                        () -> users.create(new NewUser(
                                name, password.getValue(), new ArrayList<>(new TreeSet<>(roles.getValue()))))))
                .ifPresent(created -> {
                    answer.say("Created " + created.username() + " (" + String.join(", ", created.roles()) + ").");
                    username.clear();
                    password.clear();
                    roles.clear();
                    reload(created.username());
                });
    }

    void saveRoles() {
        picked().flatMap(user -> answer.ask(
                        ProblemException.class,
                        () -> users.changeRoles(
                                user.username(),
                                new UserChange.Roles(new ArrayList<>(new TreeSet<>(newRoles.getValue()))))))
                .ifPresent(changed -> {
                    answer.say(changed.username() + " now has the roles " + String.join(", ", changed.roles()) + ".");
                    reload(changed.username());
                });
    }

    void toggleEnabled() {
        picked().flatMap(user -> answer.ask(
                        ProblemException.class,
                        () -> users.setEnabled(user.username(), new UserChange.Enabled(!user.enabled()))))
                .ifPresent(changed -> {
                    answer.say(changed.username()
                            + (changed.enabled()
                                    ? " is enabled."
                                    : " is disabled: signed out"
                                            + " of the API at once, and of the screens at their next token renewal."));
                    reload(changed.username());
                });
    }

    void resetPassword() {
        picked().flatMap(user -> answer.ask(
                        ProblemException.class,
                        () -> users.resetPassword(user.username(), new UserChange.Password(newPassword.getValue()))))
                .ifPresent(changed -> {
                    answer.say("Set a new password for " + changed.username() + "; the old one no longer works.");
                    newPassword.clear();
                    reload(changed.username());
                });
    }

    void giveBadge() {
        picked().flatMap(user -> answer.ask(
                        ProblemException.class,
                        () -> users.setBadge(user.username(), new UserChange.Badge(badge.getValue(), pin.getValue()))))
                .ifPresent(changed -> {
                    answer.say(changed.username() + " signs in at the station terminals with the badge "
                            + changed.badge() + " and the PIN given; an older badge or PIN no longer works.");
                    pin.clear();
                    reload(changed.username());
                });
    }

    void removeBadge() {
        picked().flatMap(user -> answer.ask(ProblemException.class, () -> users.removeBadge(user.username())))
                .ifPresent(changed -> {
                    answer.say(changed.username() + " has no badge now.");
                    reload(changed.username());
                });
    }

    String answerText() {
        return answer.getText();
    }

    private Optional<UserSummary> picked() {
        return Optional.ofNullable(people.asSingleSelect().getValue());
    }

    private void reload(@Nullable String keep) {
        answer.ask(ProblemException.class, users::list).ifPresent(list -> {
            people.setItems(list);
            list.stream()
                    .filter(user -> user.username().equals(keep))
                    .findFirst()
                    .ifPresentOrElse(people::select, () -> select(null));
        });
    }

    private void select(@Nullable UserSummary user) {
        var picked = user != null;
        saveRoles.setEnabled(picked);
        enable.setEnabled(picked);
        resetPassword.setEnabled(picked);
        newRoles.setEnabled(picked);
        newPassword.setEnabled(picked);
        badge.setEnabled(picked);
        pin.setEnabled(picked);
        giveBadge.setEnabled(picked);
        removeBadge.setEnabled(picked && user.badge() != null);
        if (user == null) {
            selected.setText("Pick a user in the table to change their roles, disable them, set a new password or give"
                    + " them a badge.");
            newRoles.clear();
            badge.clear();
            return;
        }
        selected.setText(user.username() + " · " + (user.enabled() ? "enabled" : "disabled")
                + (user.demo() ? " · a demo user" : ""));
        newRoles.setValue(new TreeSet<>(user.roles()));
        badge.setValue(user.badge() == null ? "" : user.badge());
        enable.setText(user.enabled() ? "Disable" : "Enable");
    }
}
