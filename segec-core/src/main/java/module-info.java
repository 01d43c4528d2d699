/**
 * The pure domain of the transfer: staff records and their rules, consent, the engine, reports,
 * the {@code Transport} and storage SPIs. The {@code internal} packages are not exported.
 */
module be.segec.extranet.core {
    // StaffMember carries Jakarta constraints and StaffValidation returns a jakarta.validation.Validator
    requires transitive jakarta.validation;
    requires org.hibernate.validator;

    exports be.segec.extranet.core;
    exports be.segec.extranet.core.consent;
    exports be.segec.extranet.core.identity;
    exports be.segec.extranet.core.message;
    exports be.segec.extranet.core.policy;
    exports be.segec.extranet.core.store;
    exports be.segec.extranet.core.store.file;
    exports be.segec.extranet.core.store.memory;
    exports be.segec.extranet.core.transfer;
    exports be.segec.extranet.core.validation;

    // Hibernate Validator reads StaffMember's constrained fields by reflection
    opens be.segec.extranet.core to org.hibernate.validator;
}
