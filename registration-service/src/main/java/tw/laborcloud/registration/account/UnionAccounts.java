package tw.laborcloud.registration.account;

/** Where union logins live. The real one is Keycloak; the interface lets tests count calls. */
public interface UnionAccounts {

    /**
     * Creates (or confirms) the login of an approved union: user name = certificate number,
     * the stored password hash as its credential, role {@code union}, attribute unionId.
     * Calling it again for the same application is a success, not a second user.
     *
     * @return the Keycloak user id
     * @throws AccountClashException when the user name belongs to another application
     */
    String provision(NewUnionAccount account);

    /**
     * Closes the union's login after its dissolution was accepted: the user is disabled, not
     * deleted, so that its history stays. Closing a closed or unknown user is a no-op.
     *
     * @return true if a user was disabled now
     */
    boolean close(String username);

    record NewUnionAccount(String applicationId, String unionId, String username, String email, String unionName,
            PasswordHash passwordHash) {
    }

    /** The user name exists for a different application: ops must look, retrying cannot help. */
    class AccountClashException extends RuntimeException {
        public AccountClashException(String message) {
            super(message);
        }
    }
}
