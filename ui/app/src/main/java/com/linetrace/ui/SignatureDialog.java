package com.linetrace.ui;

import com.linetrace.contracts.action.SignatureMeaning;
import com.linetrace.contracts.problem.ProblemException;
import com.linetrace.identity.api.SignatureCredential;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.PasswordField;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The electronic signature of one decision (DD018): the signed-in person re-enters their password and states what
 * their signature means; the service taking the decision has identity check the password and records the signature.
 * The dialog keeps the password only until it hands the credential on.
 */
public class SignatureDialog extends Dialog {

    final PasswordField password = new PasswordField("Your password");
    final RadioButtonGroup<SignatureMeaning> meaning = new RadioButtonGroup<>("This signature means");
    final Button sign;
    final Button cancel = new Button("Cancel");

    /**
     * A dialog {@code id} (its fields {@code id-password}, {@code id-meaning}, buttons {@code id-sign}, {@code
     * id-cancel}) that hands the credential to {@code onSign} once the person has given both.
     */
    public SignatureDialog(
            String id,
            String title,
            String what,
            String signer,
            String signLabel,
            Consumer<SignatureCredential> onSign) {
        setId(id);
        setHeaderTitle(title);
        add(new Paragraph(what));
        add(new Paragraph("Signing as " + signer + ". Your signature shows your name, the time and its meaning, and"
                + " goes into the audit ledger."));
        password.setId(id + "-password");
        password.setWidthFull();
        meaning.setId(id + "-meaning");
        meaning.setItems(SignatureMeaning.values());
        meaning.setItemLabelGenerator(
                m -> m.name().charAt(0) + m.name().substring(1).toLowerCase(Locale.ROOT));
        add(password, meaning);
        sign = new Button(signLabel, click -> sign(onSign));
        sign.setId(id + "-sign");
        sign.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        cancel.setId(id + "-cancel");
        cancel.addClickListener(click -> close());
        getFooter().add(cancel, sign);
    }

    private void sign(Consumer<SignatureCredential> onSign) {
        if (password.getValue().isEmpty()) {
            Answer.invalid(password, "Re-enter your password to sign");
            return;
        }
        password.setInvalid(false);
        if (meaning.getValue() == null) {
            meaning.setErrorMessage("State what your signature means");
            meaning.setInvalid(true);
            return;
        }
        SignatureCredential credential;
        try {
            credential = new SignatureCredential(password.getValue(), meaning.getValue());
        } catch (ProblemException e) {
            Answer.invalid(password, e.getMessage());
            return;
        }
        password.clear();
        close();
        onSign.accept(credential);
    }
}
