// js-yaml ships no types and @types/js-yaml is not installed: the one function this test uses.
declare module 'js-yaml' {
  const yaml: {
    /** Parses one YAML document into plain JavaScript values. */
    load(text: string): unknown;
  };
  export default yaml;
}
