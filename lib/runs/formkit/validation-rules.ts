/**
 * The few FormKit `validation` rules that map onto field limits: `required`, `min`, `max`,
 * `between`, `length`, written either as "required|between:1,10" or as [["required"], ["min", 1]].
 * Rules the hub does not know are ignored (the plugin still validates its own params).
 */
export type Rules = { required?: boolean; min?: number; max?: number; minLength?: number; maxLength?: number };

export function parseValidation(raw: unknown): Rules {
  const rules: Rules = {};
  for (const [name, ...args] of ruleList(raw)) {
    const nums = args.map(Number).filter(Number.isFinite);
    const rule = name.replace(/^[*+?]+/, ""); // FormKit's rule hints (bail, skip-empty, optional)
    if (rule === "required") rules.required = true;
    else if (rule === "min" && nums.length) rules.min = nums[0];
    else if (rule === "max" && nums.length) rules.max = nums[0];
    else if (rule === "between" && nums.length >= 2) [rules.min, rules.max] = [Math.min(nums[0], nums[1]), Math.max(nums[0], nums[1])];
    else if (rule === "length" && nums.length) [rules.minLength, rules.maxLength] = [nums[0], nums[1]];
  }
  return rules;
}

function ruleList(raw: unknown): string[][] {
  if (typeof raw === "string") {
    return raw
      .split("|")
      .map((part) => part.trim())
      .filter(Boolean)
      .map((part) => {
        const [name, args = ""] = part.split(":", 2);
        return [name.trim(), ...(args ? args.split(",").map((a) => a.trim()) : [])];
      });
  }
  if (Array.isArray(raw)) {
    return raw.filter((r): r is unknown[] => Array.isArray(r) && typeof r[0] === "string").map((r) => r.map(String));
  }
  return [];
}
