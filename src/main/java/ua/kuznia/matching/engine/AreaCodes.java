package ua.kuznia.matching.engine;

/**
 * The capability tree is encoded in the area codes themselves: "munitions.artillery-155" is a
 * child of "munitions". These are the string-level definitions the rules are written against;
 * {@link AreaTable} is the same tree with interned ids for the hot path.
 */
final class AreaCodes {

    private AreaCodes() {
    }

    /** True if {@code area} is {@code ancestor} or lies below it. */
    static boolean isWithin(String area, String ancestor) {
        return area.equals(ancestor)
                || area.length() > ancestor.length()
                        && area.charAt(ancestor.length()) == '.'
                        && area.startsWith(ancestor);
    }

    /** True if one area lies within the other. */
    static boolean related(String a, String b) {
        return isWithin(a, b) || isWithin(b, a);
    }

    static int depth(String area) {
        int dots = 0;
        for (int i = 0; i < area.length(); i++) {
            if (area.charAt(i) == '.') {
                dots++;
            }
        }
        return dots;
    }

    /** The code with its last segment cut off, or null for a top-level area. */
    static String parent(String area) {
        int dot = area.lastIndexOf('.');
        return dot < 0 ? null : area.substring(0, dot);
    }
}
