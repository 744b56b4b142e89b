package dk.tvaers.registrations;

/** The type of an indicator's value. */
public enum ValueType {
    YES_NO, WHOLE, DECIMAL, CHOICE, DATE;

    public String messageKey() {
        return "registration.valueType." + name();
    }
}
