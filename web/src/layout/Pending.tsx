// A screen that is not built yet: says so instead of an empty page.
export function Pending({ title, note }: { title: string; note: string }) {
  return (
    <>
      <h1>{title}</h1>
      <p className="notice">待完成：{note}</p>
    </>
  );
}
