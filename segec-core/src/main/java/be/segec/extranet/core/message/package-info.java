/**
 * What a transfer says to people and programs: a {@link be.segec.extranet.core.message.Message}
 * carries a stable {@link be.segec.extranet.core.message.MessageCode} (programs branch on it; it
 * is part of the report contract), the person and field it is about, and renders its text in
 * French or English. A vendor shows these texts to the school's secretary as they are, or maps
 * the codes to its own screens.
 */
package be.segec.extranet.core.message;
