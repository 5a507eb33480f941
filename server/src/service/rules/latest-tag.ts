import { isTemplated } from './addresses';
import type { Rule } from './types';
import { child, scalarValue } from './yamlAccess';

/** The tag of an image reference, '' when there is none, undefined when pinned by digest. */
export function imageTag(image: string): string | undefined {
  if (image.includes('@')) return undefined;
  const lastSlash = image.lastIndexOf('/');
  const colon = image.indexOf(':', lastSlash + 1);
  return colon < 0 ? '' : image.slice(colon + 1);
}

export const latestTag: Rule = {
  id: 'latest-tag',
  category: 'reliability',
  severity: 'warning',
  message: {
    en: (d) =>
      `Image "${d.image}" ${d.tag ? 'uses the "latest" tag' : 'has no tag, so it means "latest"'}: each node may pull a different build and a rollback cannot return to the old one. Pin a version tag or a digest.`,
    'zh-cn': (d) =>
      `镜像 "${d.image}" ${d.tag ? '使用了 "latest" 标签' : '没有写标签，等同于 "latest"'}：不同节点可能拉到不同的构建，回滚也回不到原来的版本。请固定版本标签或摘要（digest）。`,
  },
  docs: {
    en: {
      what: 'A container image with the tag `latest`, or with no tag at all (which means `latest`). An image pinned by digest (`@sha256:...`) is fine.',
      why: '`latest` is a moving pointer. Nodes that pulled the image at different times run different builds of "the same" Pod, a restart can silently upgrade a container, and rolling back a Deployment brings back the same tag and therefore the new build. With no tag or `latest`, `imagePullPolicy` also defaults to `Always`, so every start depends on the registry being reachable.',
      example: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:latest\n',
      instead: 'Pin a specific version, or better a digest:\n\n```yaml\ncontainers:\n- name: web\n  image: nginx:1.27.3\n  # or: nginx@sha256:<digest>\n```',
    },
    'zh-cn': {
      what: '容器镜像使用了 `latest` 标签，或者根本没写标签（等同于 `latest`）。用摘要固定的镜像（`@sha256:...`）不受影响。',
      why: '`latest` 是一个会移动的指针。不同时间拉取镜像的节点会运行“同一个” Pod 的不同构建，容器重启可能悄悄升级版本，Deployment 回滚时拿到的还是同一个标签，也就还是新构建。不写标签或用 `latest` 时，`imagePullPolicy` 默认是 `Always`，每次启动都依赖镜像仓库可用。',
      example: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:latest\n',
      instead: '固定具体版本，最好用摘要：\n\n```yaml\ncontainers:\n- name: web\n  image: nginx:1.27.3\n  # 或者：nginx@sha256:<digest>\n```',
    },
  },
  references: [
    'https://kubernetes.io/docs/concepts/containers/images/#image-names',
    'https://kubernetes.io/docs/concepts/configuration/overview/#container-images',
  ],
  check(ctx) {
    for (const pod of ctx.pods) {
      for (const c of pod.containers) {
        const node = child(c.node, 'image');
        const image = scalarValue(node);
        if (typeof image !== 'string' || image.trim() === '' || isTemplated(image)) continue;
        const tag = imageTag(image.trim());
        if (tag === '' || tag === 'latest') ctx.report(node, { image, tag });
      }
    }
  },
};
