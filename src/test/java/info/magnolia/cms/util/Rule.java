package info.magnolia.cms.util;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.util.HashSet;
import java.util.Set;

/**
 * TEST ONLY - part of the Magnolia host model: Magnolia core's {@code info.magnolia.cms.util.Rule} as
 * serialization knows it (serialVersionUID 222, {@code allowedTypes}, {@code reverse}, a
 * {@code readObject} of its own), so the model can read a version's {@code Rule} as Magnolia's restore
 * does. Never packed into the module jar.
 */
public class Rule implements Serializable {
    private static final long serialVersionUID = 222L;
    private Set<String> allowedTypes = new HashSet<>();
    private boolean reverse = false;

    public boolean isAllowed(String nodeType) {
        return allowedTypes.contains(nodeType) != reverse;
    }

    private void readObject(ObjectInputStream in) throws ClassNotFoundException, IOException {
        in.defaultReadObject();
    }
}
